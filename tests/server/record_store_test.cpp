// RecordStore behaviour every back end must show. Compiled twice: against SQLite
// (collector_store_sqlite_test) and PostgreSQL (collector_store_pg_test, label pg).

#include "tests/server/sample_records.h"
#include "tests/server/store_backend.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

using namespace selfcheck;

using collector::Device;
using collector::RecordStore;
using collector::StoredRecord;

namespace {

Device device(const std::string& id, const std::string& site) {
    return Device{id, site, "2026-11-22T09:00:0" + id.substr(id.size() - 1) + "Z", ""};
}

}  // namespace

TEST_CASE("a new store is empty") {
    TestDatabase database;
    const auto store = database.open();
    CHECK(store->count() == 0);
    CHECK_FALSE(store->contains(kSampleRecordId));
    CHECK_FALSE(store->find(kSampleRecordId));
    CHECK(store->list_devices().empty());
}

TEST_CASE("insert stores a record once and refuses a repeated record id") {
    TestDatabase database;
    const auto store = database.open();

    CHECK(store->insert(sample_stored_record()));
    CHECK(store->contains(kSampleRecordId));
    CHECK(store->count() == 1);

    StoredRecord resent = sample_stored_record();
    resent.received_at = "2026-11-23T09:00:00Z";
    CHECK_FALSE(store->insert(resent));
    CHECK(store->count() == 1);
    CHECK(store->find(kSampleRecordId)->received_at == "2026-11-22T10:00:00Z");  // the first one stays

    CHECK(store->insert(sample_stored_record(record_id_for(2))));
    CHECK(store->count() == 2);
    CHECK_FALSE(store->contains(record_id_for(3)));
}

TEST_CASE("a stored record reads back exactly, indicators and level included") {
    TestDatabase database;
    const auto store = database.open();
    store->add_device(device("d00000000001", kSampleSite), "hash-1");
    StoredRecord stored = sample_stored_record();
    stored.record.indicators = {"debt_bondage", "deception"};
    stored.device_id = "d00000000001";
    REQUIRE(store->insert(stored));
    const auto found = store->find(kSampleRecordId);
    REQUIRE(found);
    CHECK(found->record.schema == 1);
    CHECK(found->record.form_id == stored.record.form_id);
    CHECK(found->record.form_version == 1);
    CHECK(found->record.language == "id");
    CHECK(found->record.site == kSampleSite);
    CHECK(found->record.completed_on == "2026-11-22");
    CHECK(found->record.answers == stored.record.answers);
    CHECK(found->record.indicators == stored.record.indicators);
    CHECK(found->record.result_level == "rights_concerns");
    CHECK(found->received_at == stored.received_at);
    CHECK(found->device_id == "d00000000001");
}

TEST_CASE("a batch answers each record and repeats inside it are duplicates") {
    TestDatabase database;
    const auto store = database.open();
    REQUIRE(store->insert(sample_stored_record(record_id_for(1))));
    const std::vector<bool> stored_now =
        store->insert_batch({sample_stored_record(record_id_for(3)), sample_stored_record(record_id_for(1)),
                             sample_stored_record(record_id_for(2)), sample_stored_record(record_id_for(3))});
    CHECK(stored_now == std::vector<bool>{true, false, true, false});
    CHECK(store->count() == 3);
}

TEST_CASE("records survive closing and reopening the database") {
    TestDatabase database;
    {
        const auto store = database.open();
        REQUIRE(store->insert(sample_stored_record()));
    }
    const auto reopened = collector::open_store(database.db(), collector::StoreOpenMode::MustExist);
    CHECK(reopened->count() == 1);
    CHECK(reopened->contains(kSampleRecordId));
    CHECK_FALSE(reopened->insert(sample_stored_record()));
}

TEST_CASE("concurrent inserts from many threads are all stored once") {
    TestDatabase database;
    const auto store = database.open();
    constexpr int kThreads = 8;
    constexpr int kPerThread = 25;
    std::atomic<int> stored{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kPerThread; ++i) {
                stored += store->insert(sample_stored_record(record_id_for(t * kPerThread + i))) ? 1 : 0;
                stored += store->insert(sample_stored_record(record_id_for(i))) ? 1 : 0;  // overlapping duplicates
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    CHECK(store->count() == kThreads * kPerThread);
    CHECK(stored == kThreads * kPerThread);
}

TEST_CASE("two stores on one database see each other's records and race safely") {
    TestDatabase database;
    const auto first = database.open();
    const auto second = database.open();
    REQUIRE(first->insert(sample_stored_record()));
    CHECK(second->count() == 1);
    CHECK_FALSE(second->insert(sample_stored_record()));

    // The same batches, in opposite orders, from two stores at once: each record stored once.
    std::vector<StoredRecord> forward;
    for (int i = 100; i < 200; ++i) forward.push_back(sample_stored_record(record_id_for(i)));
    std::vector<StoredRecord> backward(forward.rbegin(), forward.rend());
    std::atomic<int> stored{0};
    auto send = [&stored](RecordStore& store, const std::vector<StoredRecord>& batch) {
        for (int round = 0; round < 3; ++round) {
            for (const bool now : store.insert_batch(batch)) stored += now ? 1 : 0;
        }
    };
    std::thread a([&] { send(*first, forward); });
    std::thread b([&] { send(*second, backward); });
    a.join();
    b.join();
    CHECK(stored == 100);
    CHECK(first->count() == 101);
}

TEST_CASE("devices are found by token hash, revoked by id or site, and listed") {
    TestDatabase database;
    const auto store = database.open();
    store->add_device(device("d00000000001", "wan-chai"), "hash-1");
    store->add_device(device("d00000000002", "wan-chai"), "hash-2");
    store->add_device(device("d00000000003", "tsuen-wan"), "hash-3");
    CHECK_THROWS_AS(store->add_device(device("d00000000004", "x"), "hash-1"), StorageError);

    const auto found = store->find_device_by_token("hash-2");
    REQUIRE(found);
    CHECK(found->device_id == "d00000000002");
    CHECK(found->site == "wan-chai");
    CHECK_FALSE(found->revoked());
    CHECK_FALSE(store->find_device_by_token("no-such-hash"));

    const auto by_id = store->revoke_devices("d00000000003", "2026-11-23T00:00:00Z");
    REQUIRE(by_id.size() == 1);
    CHECK(store->find_device_by_token("hash-3")->revoked_at == "2026-11-23T00:00:00Z");

    const auto by_site = store->revoke_devices("wan-chai", "2026-11-24T00:00:00Z");
    CHECK(by_site.size() == 2);
    CHECK(store->find_device_by_token("hash-1")->revoked());
    CHECK(store->revoke_devices("wan-chai", "2026-11-25T00:00:00Z").empty());  // already revoked
    CHECK(store->revoke_devices("nowhere", "2026-11-25T00:00:00Z").empty());

    const auto devices = store->list_devices();
    REQUIRE(devices.size() == 3);
    CHECK(devices[0].device.device_id == "d00000000001");
    CHECK(std::all_of(devices.begin(), devices.end(), [](const auto& d) { return d.device.revoked(); }));
}

namespace {

collector::CheckIn checkin(const std::string& received_at, std::int64_t queue_size, std::int64_t dropped,
                           const std::string& oldest, const std::string& last_error, const std::string& app_version) {
    collector::CheckIn c;
    c.received_at = received_at;
    c.queue_size = queue_size;
    c.rejected = 1;
    c.dropped = dropped;
    c.oldest_queued_on = oldest;
    c.last_error = last_error;
    c.content_version = "1";
    c.app_version = app_version;
    return c;
}

}  // namespace

TEST_CASE("the latest check-in of each device is kept") {
    TestDatabase database;
    const auto store = database.open();
    store->add_device(device("d00000000001", "wan-chai"), "hash-1");
    store->add_device(device("d00000000002", "wan-chai"), "hash-2");
    store->record_checkin("d00000000001", checkin("2026-11-22T10:00:00Z", 12, 0, "2026-11-20", "timeout", "0.1.0"));
    store->record_checkin("d00000000001", checkin("2026-11-22T11:00:00Z", 3, 7, "2026-11-21", "", "0.1.1"));
    const auto devices = store->list_devices();
    REQUIRE(devices.size() == 2);
    REQUIRE(devices[0].last_checkin);
    CHECK(devices[0].last_checkin->received_at == "2026-11-22T11:00:00Z");
    CHECK(devices[0].last_checkin->queue_size == 3);
    CHECK(devices[0].last_checkin->rejected == 1);
    CHECK(devices[0].last_checkin->dropped == 7);
    CHECK(devices[0].last_checkin->oldest_queued_on == "2026-11-21");
    CHECK(devices[0].last_checkin->last_error.empty());
    CHECK(devices[0].last_checkin->app_version == "0.1.1");
    CHECK_FALSE(devices[1].last_checkin);
}

TEST_CASE("a device's last delivery is when a batch from it was last stored, duplicates included") {
    TestDatabase database;
    const auto store = database.open();
    store->add_device(device("d00000000001", "wan-chai"), "hash-1");
    store->add_device(device("d00000000002", "wan-chai"), "hash-2");
    CHECK(store->list_devices()[0].last_delivery_at.empty());
    StoredRecord first = sample_stored_record();  // received 2026-11-22T10:00:00Z
    first.device_id = "d00000000001";
    store->insert(first);
    CHECK(store->list_devices()[0].last_delivery_at == "2026-11-22T10:00:00Z");
    first.received_at = "2026-11-23T09:30:00Z";  // resent: a duplicate is still a delivery
    CHECK_FALSE(store->insert(first));
    const auto devices = store->list_devices();
    CHECK(devices[0].last_delivery_at == "2026-11-23T09:30:00Z");
    CHECK(devices[1].last_delivery_at.empty());
}

TEST_CASE("call-back requests are filed once per id, read per organisation and counted per month") {
    TestDatabase database;
    const auto store = database.open();
    const std::string sealed(2096, '\x01');
    collector::StoredReferral a{"a", "enrich", sealed, collector::kReferralNew, "2026-11-30"};
    collector::StoredReferral b{"b", "enrich", std::string(2096, '\xff'), collector::kReferralNew, "2026-12-01"};
    collector::StoredReferral c{"c", "bethune_house", sealed, collector::kReferralNew, "2026-12-01"};
    CHECK(store->insert_referrals({a, b, c}) == std::vector<bool>{true, true, true});
    CHECK(store->insert_referrals({a}) == std::vector<bool>{false});
    CHECK(store->referral_count() == 3);
    const auto enrich = store->referrals_of("enrich");
    REQUIRE(enrich.size() == 2);
    CHECK(enrich[0].referral_id == "b");  // newest first
    CHECK(enrich[0].sealed == b.sealed);  // every byte back, as sealed
    CHECK(enrich[1].sealed == sealed);
    CHECK(store->referrals_of("nobody").empty());
    using Month = std::tuple<std::string, std::string, std::int64_t>;
    CHECK(store->referral_months() ==
          std::vector<Month>{{"bethune_house", "2026-12", 1}, {"enrich", "2026-11", 1}, {"enrich", "2026-12", 1}});
    CHECK(store->count() == 0);
}
