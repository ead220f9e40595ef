#pragma once
// The sync tests' rig: the real collector on loopback behind a FaultProxy, an outbox of real
// sealed records in a temp dir, and worker settings with timings shrunk for a test.
#include "kiosk/store/outbox.h"
#include "kiosk/sync/sync_worker.h"
#include "protocol/content/content.h"
#include "protocol/record/record_rules.h"
#include "tests/support/fault_proxy.h"
#include "tests/support/temp_dir.h"
#include "tests/sync/local_collector.h"

#include <random>
#include <string>
#include <vector>

namespace selfcheck::testing {

using namespace std::chrono_literals;

inline const std::string kSite = "test-site";  // random_session's default site

inline const Content& content() {
    static const Content loaded = load_content(SELFCHECK_SOURCE_DIR "/content");
    return loaded;
}

// A collector behind a proxy, an outbox in a temp dir, and the worker's timings shrunk.
struct Rig {
    explicit Rig(ProxyOptions proxy_options = {}, OutboxOptions outbox_options = {},
                 const std::string& collector_binary = COLLECTOR_BINARY)
        : collector(collector_binary, kSite),
          proxy(collector.url(), std::move(proxy_options)),
          outbox(kiosk_dir.path() / "outbox.db", std::move(outbox_options)) {}
    LocalCollector collector;
    FaultProxy proxy;
    TempDir kiosk_dir;
    Outbox outbox;
    std::mt19937 random{std::random_device{}()};
    long added = 0;

    // Real records from random sessions, sealed to `key` (the collector's unless given).
    std::vector<std::string> add_records(int n, const PublicKey* key = nullptr) {
        std::vector<std::string> ids;
        for (int i = 0; i < n; ++i) {
            const Record record = collectable_random_session(content(), random, kSite);
            outbox.add(record.record_id, RecordSealer(content(), key ? *key : collector.public_key()).seal(record));
            ids.push_back(record.record_id);
            ++added;
        }
        return ids;
    }

    // Through the proxy, with timeouts and back-off short enough for a test.
    SyncSettings settings(size_t batch_size = 10) const {
        SyncSettings s = drain_settings(proxy.url(), collector.device_token(), batch_size);
        s.http = {1000ms, 1000ms};
        s.retry = {50ms, 300ms};
        return s;
    }

    size_t batch_requests_containing(const std::string& record_id) const {
        size_t n = 0;
        for (const auto& c : proxy.log_of("/api/v1/batches"))
            if (c.request_body.find(record_id) != std::string::npos) ++n;
        return n;
    }
};

// What went over the wire, shown when a check fails.
inline std::string transcript(const FaultProxy& proxy) {
    std::string text;
    for (const auto& c : proxy.log())
        text += std::string(fault_name(c.fault)) + ": " + c.request_line + " -> " + c.answer.substr(0, 600) + "\n";
    return text;
}

}  // namespace selfcheck::testing
