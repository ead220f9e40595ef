#include "server/store/sqlite_record_store.h"

#include "server/store/sqlite_schema.h"
#include "tests/server/sample_records.h"
#include "tests/support/temp_dir.h"  // tests/support

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace selfcheck;

using collector::SqliteRecordStore;

namespace {

// Reads a PRAGMA through a separate, plain SQLite connection.
std::string pragma_value(const std::string& path, const std::string& pragma) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, ("PRAGMA " + pragma).c_str(), -1, &statement, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
    const std::string value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

void run_sql(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

std::string latest_version() { return std::to_string(int(collector::sqlite_store_migrations().size())); }

}  // namespace

TEST_CASE("opening sets the schema version and the WAL journal") {
    selfcheck::testing::TempDir dir;
    const std::string path = (dir.path() / "records.db").string();
    SqliteRecordStore store(path);
    CHECK(int(collector::sqlite_store_migrations().size()) >= 1);
    CHECK(pragma_value(path, "user_version") == latest_version());
    CHECK(pragma_value(path, "journal_mode") == "wal");  // WAL is stored in the file itself
}

TEST_CASE("a version 0 database is migrated") {
    selfcheck::testing::TempDir dir;
    const std::string path = (dir.path() / "records.db").string();

    SECTION("an empty file") { std::ofstream(path).close(); }
    SECTION("a SQLite database with nothing in it") { run_sql(path, "PRAGMA user_version = 0"); }

    SqliteRecordStore store(path);
    CHECK(pragma_value(path, "user_version") == latest_version());
    CHECK(store.insert(sample_stored_record()));
    CHECK(store.count() == 1);
}

TEST_CASE("a version 1 database keeps its records and gains devices") {
    selfcheck::testing::TempDir dir;
    const std::string path = (dir.path() / "records.db").string();
    // The walking skeleton's schema and one of its records, as an upgraded site has them.
    run_sql(path,
            "CREATE TABLE records (record_id TEXT NOT NULL PRIMARY KEY, form_id TEXT NOT NULL,"
            " form_version INTEGER NOT NULL, language TEXT NOT NULL, site TEXT NOT NULL,"
            " completed_on TEXT NOT NULL, answers_json TEXT NOT NULL, received_at TEXT NOT NULL) STRICT;"
            "INSERT INTO records VALUES ('" +
                kSampleRecordId +
                "', 'hk-mdw-self-assessment', 1, 'id',"
                " 'demo-site', '2026-11-22', '{}', '2026-11-22T10:00:00Z');"
                "PRAGMA user_version = 1;");
    SqliteRecordStore store(path);
    CHECK(pragma_value(path, "user_version") == latest_version());
    const auto old = store.find(kSampleRecordId);
    REQUIRE(old);
    CHECK(old->record.indicators.empty());
    CHECK(old->record.result_level.empty());
    CHECK(old->device_id.empty());
    store.add_device(collector::Device{"d00000000001", "demo-site", "2026-11-22T10:00:00Z", ""}, "hash");
    CHECK(store.list_devices().size() == 1);
}

TEST_CASE("a version 4 database (check-ins with drops, deliveries) keeps its devices and gains login limits") {
    selfcheck::testing::TempDir dir;
    const std::string path = (dir.path() / "records.db").string();
    // As a collector from before the hardening left it: the first four steps, one device that
    // has delivered.
    std::string sql;
    for (std::size_t step = 0; step < 4; ++step) sql += collector::sqlite_store_migrations()[step];
    run_sql(path, sql +
                      "INSERT INTO devices (device_id, site, token_hash, created_at, last_delivery_at) VALUES"
                      " ('d00000000001', 'demo-site', 'hash', '2026-11-01T00:00:00Z', '2026-11-22T10:00:00Z');"
                      "PRAGMA user_version = 4;");
    SqliteRecordStore store(path);
    CHECK(pragma_value(path, "user_version") == latest_version());
    const auto devices = store.list_devices();
    REQUIRE(devices.size() == 1);
    CHECK(devices[0].last_delivery_at == "2026-11-22T10:00:00Z");
    store.check_writable();  // the health probe's row
    CHECK(store.begin_login_attempt({{"client:127.0.0.1", 5}}, 1000, 900) == 0);
}

TEST_CASE("a database from a newer collector is refused, naming the path") {
    selfcheck::testing::TempDir dir;
    const std::string path = (dir.path() / "records.db").string();
    run_sql(path, "PRAGMA user_version = 999");
    CHECK_THROWS_WITH(SqliteRecordStore(path), Catch::Contains(path) && Catch::Contains("newer than this collector"));
}

TEST_CASE("files that cannot be opened as a database give a StorageError naming the path") {
    selfcheck::testing::TempDir dir;

    SECTION("missing directory") {
        const std::string path = (dir.path() / "no/such/dir/records.db").string();
        CHECK_THROWS_WITH(SqliteRecordStore(path), Catch::Contains(path));
    }
    SECTION("missing file when it must exist") {
        const std::string path = (dir.path() / "typo.db").string();
        CHECK_THROWS_AS(SqliteRecordStore(path, SqliteRecordStore::OpenMode::MustExist), StorageError);
        CHECK_FALSE(std::ifstream(path).good());  // and no file was created
    }
    SECTION("not a database") {
        const std::string path = (dir.path() / "notes.txt").string();
        std::ofstream(path) << "this is not a SQLite database, just some text that is long enough\n";
        CHECK_THROWS_WITH(SqliteRecordStore(path), Catch::Contains(path));
    }
}
