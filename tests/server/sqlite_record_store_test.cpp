#include <sqlite3.h>

#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "sample_records.h"
#include "server/store/sqlite_record_store.h"
#include "server/store/sqlite_schema.h"
#include "temp_dir.h"  // tests/support

using collector::SqliteRecordStore;
using collector::StoreError;

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

std::string latest_version() { return std::to_string(collector::sqlite::latest_schema_version()); }

}  // namespace

TEST_CASE("a new store is empty") {
  selfcheck::testing::TempDir dir;
  SqliteRecordStore store((dir.path() / "records.db").string());
  CHECK(store.count() == 0);
  CHECK_FALSE(store.contains(kSampleRecordId));
}

TEST_CASE("insert stores a record once and refuses a repeated record id") {
  selfcheck::testing::TempDir dir;
  SqliteRecordStore store((dir.path() / "records.db").string());

  CHECK(store.insert(sample_stored_record()));
  CHECK(store.contains(kSampleRecordId));
  CHECK(store.count() == 1);

  collector::StoredRecord resent = sample_stored_record();
  resent.received_at = "2026-11-23T09:00:00Z";
  CHECK_FALSE(store.insert(resent));
  CHECK(store.count() == 1);

  CHECK(store.insert(sample_stored_record(record_id_for(2))));
  CHECK(store.count() == 2);
  CHECK_FALSE(store.contains(record_id_for(3)));
}

TEST_CASE("records survive closing and reopening the database") {
  selfcheck::testing::TempDir dir;
  const std::string path = (dir.path() / "records.db").string();
  {
    SqliteRecordStore store(path);
    REQUIRE(store.insert(sample_stored_record()));
  }
  SqliteRecordStore reopened(path, SqliteRecordStore::OpenMode::must_exist);
  CHECK(reopened.count() == 1);
  CHECK(reopened.contains(kSampleRecordId));
  CHECK_FALSE(reopened.insert(sample_stored_record()));
}

TEST_CASE("opening sets the schema version and the WAL journal") {
  selfcheck::testing::TempDir dir;
  const std::string path = (dir.path() / "records.db").string();
  SqliteRecordStore store(path);
  CHECK(collector::sqlite::latest_schema_version() >= 1);
  CHECK(pragma_value(path, "user_version") == latest_version());
  CHECK(pragma_value(path, "journal_mode") == "wal");  // WAL is stored in the file itself
}

TEST_CASE("a version 0 database is migrated") {
  selfcheck::testing::TempDir dir;
  const std::string path = (dir.path() / "records.db").string();

  SECTION("an empty file") {
    std::ofstream(path).close();
  }
  SECTION("a SQLite database with nothing in it") {
    run_sql(path, "PRAGMA user_version = 0");
  }

  SqliteRecordStore store(path);
  CHECK(pragma_value(path, "user_version") == latest_version());
  CHECK(store.insert(sample_stored_record()));
  CHECK(store.count() == 1);
}

TEST_CASE("a database from a newer collector is refused, naming the path") {
  selfcheck::testing::TempDir dir;
  const std::string path = (dir.path() / "records.db").string();
  run_sql(path, "PRAGMA user_version = 999");
  CHECK_THROWS_WITH(SqliteRecordStore(path),
                    Catch::Contains(path) && Catch::Contains("newer than this collector"));
}

TEST_CASE("files that cannot be opened as a database give a StoreError naming the path") {
  selfcheck::testing::TempDir dir;

  SECTION("missing directory") {
    const std::string path = (dir.path() / "no/such/dir/records.db").string();
    CHECK_THROWS_WITH(SqliteRecordStore(path), Catch::Contains(path));
  }
  SECTION("missing file when it must exist") {
    const std::string path = (dir.path() / "typo.db").string();
    CHECK_THROWS_AS(SqliteRecordStore(path, SqliteRecordStore::OpenMode::must_exist), StoreError);
    CHECK_FALSE(std::ifstream(path).good());  // and no file was created
  }
  SECTION("not a database") {
    const std::string path = (dir.path() / "notes.txt").string();
    std::ofstream(path) << "this is not a SQLite database, just some text that is long enough\n";
    CHECK_THROWS_WITH(SqliteRecordStore(path), Catch::Contains(path));
  }
}

TEST_CASE("concurrent inserts from many threads are all stored") {
  selfcheck::testing::TempDir dir;
  SqliteRecordStore store((dir.path() / "records.db").string());
  constexpr int kThreads = 8;
  constexpr int kPerThread = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&store, t] {
      for (int i = 0; i < kPerThread; ++i) {
        store.insert(sample_stored_record(record_id_for(t * kPerThread + i)));
        store.insert(sample_stored_record(record_id_for(i)));  // overlapping duplicates
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(store.count() == kThreads * kPerThread);
}

TEST_CASE("two connections to one file see each other's records") {
  selfcheck::testing::TempDir dir;
  const std::string path = (dir.path() / "records.db").string();
  SqliteRecordStore server_side(path);
  SqliteRecordStore counting_tool(path, SqliteRecordStore::OpenMode::must_exist);
  REQUIRE(server_side.insert(sample_stored_record()));
  CHECK(counting_tool.count() == 1);
  CHECK_FALSE(counting_tool.insert(sample_stored_record()));
}
