#pragma once
// Picks the store from the --db value: "postgresql://..." or "postgres://..." is a
// PostgreSQL connection string, anything else a SQLite file path.

#include "server/store/record_store.h"

#include <memory>
#include <string>

namespace collector {

enum class StoreOpenMode {
    create_if_missing,  // serve, device add
    must_exist,         // count, device list/revoke: a typo must not create an empty database
};

bool is_postgres_url(const std::string& db);

// Throws StoreError naming the database (never the password) when it cannot be opened.
std::unique_ptr<RecordStore> open_store(const std::string& db, StoreOpenMode mode);

// `db` as safe to print: a connection string's password is replaced by "***".
std::string describe_db(const std::string& db);

}  // namespace collector
