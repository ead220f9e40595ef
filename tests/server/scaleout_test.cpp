// Scale-out (label pg): two collector processes share one PostgreSQL and receive the same
// batches at the same moment. Each record must be stored once (one collector answers
// "stored", the other "duplicate"), and both must answer every kiosk.

#include "tests/server/collector_fleet.h"
#include "tests/server/postgres_cluster.h"
#include "tests/support/temp_dir.h"  // tests/support

#include <atomic>
#include <string>
#include <thread>
#include <vector>

using namespace selfcheck;

using nlohmann::json;

TEST_CASE("two collectors on one PostgreSQL store each record once and answer every kiosk") {
    constexpr int kKiosks = 10;
    constexpr int kBatches = 10;
    constexpr int kBatch = 50;
    selfcheck::testing::TempDir dir;
    const KeyPair keys = collector::write_new_key_pair(dir.path() / "keys");
    const std::string db = selfcheck::testing::PostgresCluster::shared().create_database();
    const std::vector<std::string> tokens = register_devices(db, kKiosks);
    const std::string secret = (dir.path() / "keys" / collector::kSecretKeyFile).string();

    ServedCollector first(db, secret);
    ServedCollector second(db, secret);
    std::atomic<long> stored{0}, duplicate{0}, other{0}, answered_both{0};
    std::vector<std::thread> kiosks;
    for (int k = 0; k < kKiosks; ++k) {
        kiosks.emplace_back([&, k] {
            for (int b = 0; b < kBatches; ++b) {
                std::vector<json> records;
                for (int i = 0; i < kBatch; ++i)
                    records.push_back(sample_record_json(record_id_for(k * 100000 + b * 1000 + i)));
                const std::string batch = batch_of(records, keys.public_key).dump();
                json from_second;
                std::thread racing([&] { from_second = deliver(second.port(), tokens[k], batch); });
                const json from_first = deliver(first.port(), tokens[k], batch);
                racing.join();
                if (from_first.size() != kBatch || from_second.size() != kBatch) {
                    other++;
                    continue;
                }
                ++answered_both;
                for (int i = 0; i < kBatch; ++i) {
                    const std::string a = from_first[i]["status"], c = from_second[i]["status"];
                    if ((a == "stored" && c == "duplicate") || (a == "duplicate" && c == "stored")) {
                        stored++;
                        duplicate++;
                    } else {
                        other++;
                    }
                }
            }
        });
    }
    for (std::thread& kiosk : kiosks) kiosk.join();
    CHECK(answered_both == kKiosks * kBatches);
    CHECK(stored == kKiosks * kBatches * kBatch);
    CHECK(other == 0);
    CHECK(first.stop() == 0);
    CHECK(second.stop() == 0);
    CHECK(collector::open_store(db, collector::StoreOpenMode::MustExist)->count() == kKiosks * kBatches * kBatch);
}
