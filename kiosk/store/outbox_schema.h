#pragma once
// The outbox schema, versioned with PRAGMA user_version: version N means the first N
// migrations have run. A migration, once released, is never edited: a later change is a new
// step, tested from a database made by every earlier version (tests/store/outbox_schema_test.cpp
// keeps each released schema's SQL frozen for that).
#include "common/sqlite/sqlite_db.h"

#include <vector>

namespace selfcheck {

// Step i takes a database from version i to i + 1.
const std::vector<const char*>& outbox_migrations();
inline int outbox_schema_version() { return int(outbox_migrations().size()); }

// Runs every step the database lacks, each in its own transaction. Throws StorageError when
// the database is newer than this build (a downgraded kiosk must not guess).
void migrate_outbox(Database& db);

}  // namespace selfcheck
