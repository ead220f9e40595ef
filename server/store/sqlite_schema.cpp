#include "server/store/sqlite_schema.h"

#include <sqlite3.h>

#include <array>
#include <string>

#include "server/store/record_store.h"
#include "server/store/sqlite_support.h"

namespace collector::sqlite {
namespace {

// Append only: a migration that has shipped is never edited, a new one is added instead.
constexpr std::array kMigrations = {
    // 1: the walking skeleton's one table. STRICT makes SQLite enforce the column types.
    R"sql(
      CREATE TABLE records (
        record_id    TEXT    NOT NULL PRIMARY KEY,
        form_id      TEXT    NOT NULL,
        form_version INTEGER NOT NULL,
        language     TEXT    NOT NULL,
        site         TEXT    NOT NULL,
        completed_on TEXT    NOT NULL,
        answers_json TEXT    NOT NULL,
        received_at  TEXT    NOT NULL
      ) STRICT;
    )sql",
};

int schema_version(sqlite3* db) {
  return static_cast<int>(query_int(db, "PRAGMA user_version"));
}

// Applies the next pending migration. Returns false when there was none.
// The version is re-read inside the write transaction, so two processes opening the
// same file at once cannot both apply the same step.
bool apply_next_migration(sqlite3* db) {
  exec(db, "BEGIN IMMEDIATE");
  try {
    const int version = schema_version(db);
    if (version > latest_schema_version()) {
      throw StoreError("database schema version " + std::to_string(version) +
                       " is newer than this collector understands (" +
                       std::to_string(latest_schema_version()) + ")");
    }
    if (version == latest_schema_version()) {
      exec(db, "COMMIT");
      return false;
    }
    exec(db, kMigrations[static_cast<std::size_t>(version)]);
    // PRAGMA takes no bound parameters; the value is our own integer.
    exec(db, ("PRAGMA user_version = " + std::to_string(version + 1)).c_str());
    exec(db, "COMMIT");
    return true;
  } catch (...) {
    // Some errors end the transaction by themselves; the original error is what matters.
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace

int latest_schema_version() { return static_cast<int>(kMigrations.size()); }

void migrate(sqlite3* db) {
  while (apply_next_migration(db)) {
  }
}

}  // namespace collector::sqlite
