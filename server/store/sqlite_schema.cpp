#include "server/store/sqlite_schema.h"

#include "server/store/record_store.h"
#include "server/store/sqlite_support.h"

#include <sqlite3.h>

#include <array>
#include <string>

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
    // 2: sealed batches from registered devices (docs/protocol.md). Records gain what the
    // protocol's record adds and the device that sent them; records stored before this
    // step keep the defaults. Only a token's hash is kept; check-ins keep the latest only.
    R"sql(
      ALTER TABLE records ADD COLUMN schema INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE records ADD COLUMN indicators_json TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE records ADD COLUMN result_level TEXT NOT NULL DEFAULT '';
      ALTER TABLE records ADD COLUMN device_id TEXT;
      CREATE TABLE devices (
        device_id  TEXT NOT NULL PRIMARY KEY,
        site       TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      ) STRICT;
      CREATE INDEX devices_by_site ON devices (site);
      CREATE TABLE checkins (
        device_id       TEXT    NOT NULL PRIMARY KEY REFERENCES devices (device_id),
        received_at     TEXT    NOT NULL,
        queue_size      INTEGER NOT NULL,
        rejected        INTEGER NOT NULL,
        last_error      TEXT    NOT NULL,
        content_version TEXT    NOT NULL,
        app_version     TEXT    NOT NULL
      ) STRICT;
    )sql",
    // 3: reports read records by completed_on (and site); dashboard users and sessions.
    // A session keeps only the hash of its cookie value.
    R"sql(
      CREATE INDEX records_by_completed_on ON records (completed_on, site);
      CREATE TABLE dashboard_users (
        name          TEXT NOT NULL PRIMARY KEY,
        password_hash TEXT NOT NULL,
        created_at    TEXT NOT NULL
      ) STRICT;
      CREATE TABLE dashboard_sessions (
        token_hash TEXT NOT NULL PRIMARY KEY,
        user_name  TEXT NOT NULL REFERENCES dashboard_users (name),
        csrf_token TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX dashboard_sessions_by_expiry ON dashboard_sessions (expires_at);
    )sql",
};

int schema_version(sqlite3* db) { return static_cast<int>(query_int(db, "PRAGMA user_version")); }

// Applies the next pending migration. Returns false when there was none.
// The version is re-read inside the write transaction, so two processes opening the
// same file at once cannot both apply the same step.
bool apply_next_migration(sqlite3* db) {
    exec(db, "BEGIN IMMEDIATE");
    try {
        const int version = schema_version(db);
        if (version > latest_schema_version()) {
            throw StoreError("database schema version " + std::to_string(version) +
                             " is newer than this collector understands (" + std::to_string(latest_schema_version()) +
                             ")");
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
    while (apply_next_migration(db)) {}
}

}  // namespace collector::sqlite
