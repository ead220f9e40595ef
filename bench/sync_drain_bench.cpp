// Sync drain benchmark: prints, asserts nothing.
//   build/bench/sync_drain_bench [RECORDS=10000] [BATCH...=50 100]
// How long the kiosk's SyncWorker takes to empty an outbox of RECORDS sealed records into a
// real collector on loopback (SQLite), per batch size: wall time, records/s, batches sent.
// Records come from the real Session with random answers, sealed to the collector's key;
// the outbox is filled once and copied for each batch size.
#include "kiosk/store/outbox.h"
#include "kiosk/sync/sync_worker.h"
#include "protocol/record/record_rules.h"
#include "tests/sync/local_collector.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace selfcheck;
using namespace selfcheck::testing;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

namespace {

double seconds_since(SteadyClock::time_point start) {
    return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

void drain(const std::filesystem::path& filled, const std::filesystem::path& keys, size_t batch_size, long records) {
    LocalCollector collector(COLLECTOR_BINARY, "test-site", keys);
    TempDir kiosk;
    const auto file = kiosk.path() / "outbox.db";
    std::filesystem::copy_file(filled, file);
    Outbox outbox(file);

    const auto start = SteadyClock::now();
    SyncWorker worker(outbox, drain_settings(collector.url(), collector.device_token(), batch_size));
    const bool done = worker.wait_until_sent(600s);
    const double elapsed = seconds_since(start);
    const SyncStatus status = worker.status();
    std::printf("  batch %4zu: %6.2f s, %7.0f records/s, %ld batches; collector holds %ld, outbox queued %zu%s%s\n",
                batch_size, elapsed, double(records) / elapsed, (records + long(batch_size) - 1) / long(batch_size),
                collector.count(), status.queued, done ? "" : ", NOT DRAINED: ", status.last_error.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    const long records = argc > 1 ? std::atol(argv[1]) : 10000;
    std::vector<size_t> batch_sizes;
    for (int i = 2; i < argc; ++i) batch_sizes.push_back(size_t(std::atol(argv[i])));
    if (batch_sizes.empty()) batch_sizes = {50, 100};  // 50: SyncSettings' default; 100: the protocol's most

    // One key pair for every run, so the outbox is filled (slow: each add is durable) once.
    TempDir temp;
    const auto keys = temp.path() / "keys";
    const auto filled = temp.path() / "filled.db";
    {
        LocalCollector first(COLLECTOR_BINARY, "test-site");
        std::filesystem::copy(first.keys_dir(), keys);
        const Content content = load_content(SELFCHECK_SOURCE_DIR "/content");
        std::mt19937 random(1);
        Outbox outbox(filled);
        const auto start = SteadyClock::now();
        for (long i = 0; i < records; ++i) {
            const Record record = collectable_random_session(content, random, "test-site");
            outbox.add(record.record_id, RecordSealer(content, first.public_key()).seal(record));
        }
        std::printf("sync_drain_bench: %ld sealed records queued in %.1f s (filling, not timed below)\n", records,
                    seconds_since(start));
    }
    std::printf("drain to a local collector (SQLite) over loopback HTTP, worker delays 0:\n");
    for (const size_t batch : batch_sizes) drain(filled, keys, batch, records);
    return 0;
}
