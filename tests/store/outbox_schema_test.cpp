// Schema migrations, tested from every earlier version. Each released schema's SQL is frozen
// here, copied, never shared with kiosk/store: when version 2 comes, a database made by the
// version 1 SQL below, holding records, must open and keep every record.
#include "kiosk/store/outbox_schema.h"

#include "kiosk/store/outbox.h"
#include "tests/store/outbox_test_support.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using namespace selfcheck::testing;

namespace {

// Version 1 as released. Do not edit: add kSchemaV2 beside it when the schema changes.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL UNIQUE,
    sealed BLOB NOT NULL,
    queued_on TEXT NOT NULL,
    rejected_reason TEXT
);
CREATE INDEX outbox_pending ON outbox (rejected_reason, seq);
CREATE TABLE completed_per_day (
    day TEXT PRIMARY KEY,
    completed INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters (name, value) VALUES ('dropped_total', 0);
PRAGMA user_version = 1;
)sql";

// Version 2 as released (issue #15: records age by the outbox's open time). Do not edit.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL UNIQUE,
    sealed BLOB NOT NULL,
    queued_on TEXT NOT NULL,
    rejected_reason TEXT
, queued_at_ms INTEGER NOT NULL DEFAULT 0);
CREATE INDEX outbox_pending ON outbox (rejected_reason, seq);
CREATE TABLE completed_per_day (
    day TEXT PRIMARY KEY,
    completed INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters (name, value) VALUES ('dropped_total', 0);
INSERT INTO counters (name, value) VALUES ('open_ms', 0);
PRAGMA user_version = 2;
)sql";

// Each released version: its SQL (applied to an empty file) and rows to put in it.
struct Released {
    int version;
    const char* schema;
    const char* rows;
};
const Released kReleased[] = {
    {0, "", ""},
    {1, kSchemaV1,
     "INSERT INTO outbox (record_id, sealed, queued_on) VALUES ('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', x'0102', "
     "'2026-11-20');"
     "INSERT INTO outbox (record_id, sealed, queued_on, rejected_reason) VALUES ('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', "
     "x'03', '2026-11-21', 'bad');"
     "INSERT INTO completed_per_day VALUES ('2026-11-22', 4);"
     "UPDATE counters SET value = 3 WHERE name = 'dropped_total';"},
    {2, kSchemaV2,
     "INSERT INTO outbox (record_id, sealed, queued_on, queued_at_ms) VALUES ('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', "
     "x'0102', '2026-11-20', 5000);"
     "INSERT INTO outbox (record_id, sealed, queued_on, rejected_reason) VALUES ('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', "
     "x'03', '2026-11-21', 'bad');"
     "INSERT INTO completed_per_day VALUES ('2026-11-22', 4);"
     "UPDATE counters SET value = 3 WHERE name = 'dropped_total';"
     "UPDATE counters SET value = 9000 WHERE name = 'open_ms';"},
};

std::vector<std::string> schema_of(const std::filesystem::path& file) {
    return RawDb(file.string()).column("SELECT type || ' ' || name || ': ' || sql FROM sqlite_master ORDER BY name");
}

}  // namespace

TEST_CASE("every released schema version opens at the latest with its records kept") {
    for (const Released& from : kReleased) {
        INFO("from version " << from.version);
        TempDir dir;
        const auto file = dir.path() / "outbox.db";
        {
            RawDb raw(file.string());
            raw.exec(from.schema);
            raw.exec(from.rows);
        }
        OutboxOptions options;
        options.today = [] { return std::string("2026-11-22"); };
        Outbox outbox(file, options);
        CHECK(RawDb(file.string()).value("PRAGMA user_version") == std::to_string(outbox_schema_version()));
        CHECK(outbox.integrity_check() == "ok");
        if (from.version >= 1) {
            CHECK(pending_ids(outbox) == std::vector<std::string>{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"});
            CHECK(outbox.next_batch(1).at(0).sealed == std::string("\x01\x02", 2));
            const OutboxCounts c = outbox.counts();
            CHECK(c.rejected == 1);
            CHECK(c.completed_today == 4);
            CHECK(c.dropped_total == 3);
        }
        outbox.add("cccccccccccccccccccccccccccccccc", "new");  // and it still takes records
        CHECK(outbox.counts().queued == (from.version >= 1 ? 2 : 1));
    }
}

TEST_CASE("the migrations build exactly the frozen schema of the latest version") {
    TempDir dir;
    { Outbox outbox(dir.path() / "migrated.db"); }
    RawDb(dir.path().string() + "/frozen.db").exec(kSchemaV2);
    if (outbox_schema_version() == 2)
        CHECK(schema_of(dir.path() / "migrated.db") == schema_of(dir.path() / "frozen.db"));
    CHECK(outbox_migrations().size() >= 2);
}

TEST_CASE("records from version 1 start ageing at the upgrade, whatever their date says") {
    TempDir dir;
    const auto file = dir.path() / "outbox.db";
    {
        RawDb raw(file.string());
        raw.exec(kSchemaV1);
        raw.exec(
            "INSERT INTO outbox (record_id, sealed, queued_on) VALUES ('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', x'01', "
            "'2020-01-01');");
    }
    OutboxOptions options;
    options.today = [] { return std::string("2026-11-22"); };  // six years on by the calendar
    Outbox outbox(file, options);
    CHECK(outbox.counts().queued == 1);
    CHECK(outbox.counts().dropped_total == 0);
    CHECK(outbox.counts().oldest_pending_date == "2020-01-01");
}

TEST_CASE("a migration interrupted part way leaves the previous version intact") {
    // Each step runs in one transaction: a step that fails changes nothing.
    TempDir dir;
    const auto file = dir.path() / "outbox.db";
    RawDb(file.string()).exec("CREATE TABLE outbox (x);");  // a clash makes step 1 fail
    CHECK_THROWS_WITH(Outbox(file), Catch::Contains("migrating the schema to version 1"));
    RawDb raw(file.string());
    CHECK(raw.value("PRAGMA user_version") == "0");
    CHECK(raw.column("SELECT name FROM sqlite_master") == std::vector<std::string>{"outbox"});
}
