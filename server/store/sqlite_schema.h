#pragma once
// The collector's SQLite schema: migration steps for common/sqlite/migrations.h.
#include <vector>

namespace selfcheck::collector {

// Step i takes a database from version i to i + 1. Append only.
const std::vector<const char*>& sqlite_store_migrations();

}  // namespace selfcheck::collector
