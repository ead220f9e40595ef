// What reports and the dashboard need from a store, on every back end: records by date
// range and site, dashboard users, and sessions with expiry. Compiled twice: SQLite
// (collector_report_store_sqlite_test) and PostgreSQL (collector_report_store_pg_test, pg).

#include "tests/server/sample_records.h"
#include "tests/server/store_backend.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

using namespace selfcheck;

using collector::DashboardSession;
using collector::DashboardUser;
using collector::RecordFilter;
using collector::StoredRecord;

namespace {

StoredRecord record_on(int n, const std::string& day, const std::string& site) {
    StoredRecord stored = sample_stored_record(record_id_for(n));
    stored.record.completed_on = day;
    stored.record.site = site;
    return stored;
}

std::vector<std::string> ids(const std::vector<Record>& records) {
    std::vector<std::string> out;
    for (const Record& record : records) out.push_back(record.record_id);
    return out;
}

}  // namespace

TEST_CASE("records_in_range returns the records of a date range, inclusive, and of a site") {
    TestDatabase database;
    const auto store = database.open();
    store->insert_batch({record_on(1, "2026-10-31", "a"), record_on(2, "2026-11-01", "a"),
                         record_on(3, "2026-11-15", "b"), record_on(4, "2026-11-30", "a"),
                         record_on(5, "2026-12-01", "b")});

    CHECK(ids(store->records_in_range(RecordFilter{"2026-11-01", "2026-11-30", ""})) ==
          std::vector<std::string>{record_id_for(2), record_id_for(3), record_id_for(4)});
    CHECK(ids(store->records_in_range(RecordFilter{"2026-11-01", "2026-11-30", "a"})) ==
          std::vector<std::string>{record_id_for(2), record_id_for(4)});
    CHECK(store->records_in_range(RecordFilter{"2026-11-02", "2026-11-14", ""}).empty());
    CHECK(store->records_in_range(RecordFilter{"2026-01-01", "2026-12-31", "nowhere"}).empty());

    const std::vector<Record> one = store->records_in_range(RecordFilter{"2026-11-15", "2026-11-15", ""});
    REQUIRE(one.size() == 1);
    const Record& expected = record_on(3, "2026-11-15", "b").record;
    CHECK(one[0].answers == expected.answers);
    CHECK(one[0].indicators == expected.indicators);
    CHECK(one[0].result_level == expected.result_level);
    CHECK(one[0].language == expected.language);
    CHECK(one[0].form_id == expected.form_id);
    CHECK(one[0].form_version == expected.form_version);
}

TEST_CASE("records_in_range reads 20,000 records in one go") {
    TestDatabase database;
    const auto store = database.open();
    std::vector<StoredRecord> batch;
    for (int i = 0; i < 20000; ++i) {
        batch.push_back(record_on(i, i % 2 == 0 ? "2026-11-10" : "2026-10-10", "a"));
        if (batch.size() == 500) {
            store->insert_batch(batch);
            batch.clear();
        }
    }
    const auto started = std::chrono::steady_clock::now();
    CHECK(store->records_in_range(RecordFilter{"2026-11-01", "2026-11-30", ""}).size() == 10000);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
}

TEST_CASE("dashboard users are added once and found by name") {
    TestDatabase database;
    const auto store = database.open();
    CHECK_FALSE(store->find_user("analyst"));
    store->add_user(
        DashboardUser{"analyst", "$argon2id$v=19$fake", "2026-11-22T09:00:00Z", collector::kAnalystRole, ""});
    const auto found = store->find_user("analyst");
    REQUIRE(found);
    CHECK(found->password_hash == "$argon2id$v=19$fake");
    CHECK(found->created_at == "2026-11-22T09:00:00Z");
    CHECK(found->role == "analyst");
    store->add_user(
        DashboardUser{"maria", "$argon2id$v=19$fake", "2026-11-22T09:00:00Z", collector::kCaseworkerRole, "enrich"});
    CHECK(store->find_user("maria")->role == "caseworker");
    CHECK(store->find_user("maria")->organisation == "enrich");
    CHECK_THROWS_AS(
        store->add_user(DashboardUser{"analyst", "other", "2026-11-22T09:00:00Z", collector::kAnalystRole, ""}),
        StorageError);
}

TEST_CASE("dashboard sessions are found until they expire, and can be ended") {
    TestDatabase database;
    const auto store = database.open();
    store->add_user(DashboardUser{"analyst", "hash", "2026-11-22T09:00:00Z", collector::kAnalystRole, ""});
    store->add_session(DashboardSession{"h1", "analyst", "csrf-1", "2026-11-22T17:00:00Z"});
    store->add_session(DashboardSession{"h2", "analyst", "csrf-2", "2026-11-22T10:00:00Z"});

    const auto found = store->find_session("h1", "2026-11-22T12:00:00Z");
    REQUIRE(found);
    CHECK(found->user_name == "analyst");
    CHECK(found->csrf_token == "csrf-1");
    CHECK_FALSE(store->find_session("h2", "2026-11-22T12:00:00Z"));  // expired
    CHECK_FALSE(store->find_session("h1", "2026-11-22T17:00:00Z"));  // expires at that second
    CHECK_FALSE(store->find_session("nope", "2026-11-22T12:00:00Z"));

    CHECK(store->delete_expired_sessions("2026-11-22T12:00:00Z") == 1);
    store->delete_session("h1");
    CHECK_FALSE(store->find_session("h1", "2026-11-22T12:00:00Z"));
    // A session belongs to a user that exists.
    CHECK_THROWS_AS(store->add_session(DashboardSession{"h3", "nobody", "c", "2026-11-22T17:00:00Z"}), StorageError);
}
