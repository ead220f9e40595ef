#pragma once
// The SQLite schema, versioned with PRAGMA user_version: version N means the first N
// migrations have run.

struct sqlite3;

namespace collector::sqlite {

int latest_schema_version();

// Runs every migration the database has not had yet, one transaction per step.
// Throws StoreError if the database is newer than this build understands.
void migrate(sqlite3* db);

}  // namespace collector::sqlite
