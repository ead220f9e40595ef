#pragma once
// Schemas versioned with PRAGMA user_version: version N means the first N steps have run. A
// step, once released, is never edited; a later change is a new step. Both the kiosk's
// outbox and the collector's store migrate this way.
#include "common/sqlite/sqlite_db.h"

#include <string>
#include <vector>

namespace selfcheck {

// WAL journal and synchronous=FULL: a commit that returned survives a power cut.
void make_durable(Database& db);

// Runs every step the database lacks, each in its own IMMEDIATE transaction (so two
// processes opening one file cannot both run a step). Throws StorageError when the database
// is newer than `steps` (`program` names who is too old, e.g. "this kiosk": it must not guess).
void migrate(Database& db, const std::vector<const char*>& steps, const std::string& program);

}  // namespace selfcheck
