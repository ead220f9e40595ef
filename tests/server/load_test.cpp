// Load (label load): 50 kiosks, each sending 1,000 sealed records in batches of 100, all
// at once, to one collector process on loopback with SQLite. Every record must be answered
// "stored" exactly once and the stored count must be exact; a replayed batch per kiosk
// must change nothing.

#include "tests/server/collector_fleet.h"
#include "tests/support/temp_dir.h"  // tests/support

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace selfcheck;

using nlohmann::json;

TEST_CASE("50 kiosks sending 1000 records each are all stored exactly once") {
    constexpr int kKiosks = 50;
    constexpr int kRecordsEach = 1000;
    constexpr int kBatch = 100;
    selfcheck::testing::TempDir dir;
    const KeyPair keys = collector::write_new_key_pair(dir.path() / "keys");
    const std::string db = (dir.path() / "records.db").string();
    const std::vector<std::string> tokens = register_devices(db, kKiosks);

    // Seal everything first, so the timed part is the collector's work.
    std::vector<std::vector<std::string>> batches(kKiosks);
    for (int k = 0; k < kKiosks; ++k) {
        for (int start = 0; start < kRecordsEach; start += kBatch) {
            std::vector<json> records;
            for (int i = start; i < start + kBatch; ++i)
                records.push_back(sample_record_json(record_id_for(k * 100000 + i)));
            batches[k].push_back(batch_of(records, keys.public_key).dump());
        }
    }

    ServedCollector collector(db, (dir.path() / "keys" / collector::kSecretKeyFile).string());
    std::atomic<long> stored{0}, duplicate{0}, other{0};
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::thread> kiosks;
    for (int k = 0; k < kKiosks; ++k) {
        kiosks.emplace_back([&, k] {
            for (const std::string& batch : batches[k]) {
                for (const json& r : deliver(collector.port(), tokens[k], batch)) {
                    (r["status"] == "stored" ? stored : r["status"] == "duplicate" ? duplicate : other)++;
                }
            }
            // A replay of the first batch (a kiosk that missed the reply) stores nothing.
            for (const json& r : deliver(collector.port(), tokens[k], batches[k].front())) {
                (r["status"] == "duplicate" ? duplicate : other)++;
            }
        });
    }
    for (std::thread& kiosk : kiosks) kiosk.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("load: %d records from %d kiosks in %.2f s (%.0f records/s)\n", kKiosks * kRecordsEach, kKiosks,
                seconds, kKiosks * kRecordsEach / seconds);

    CHECK(stored == kKiosks * kRecordsEach);
    CHECK(duplicate == kKiosks * kBatch);
    CHECK(other == 0);
    REQUIRE(collector.stop() == 0);
    CHECK(collector::open_store(db, collector::StoreOpenMode::MustExist)->count() == kKiosks * kRecordsEach);
}
