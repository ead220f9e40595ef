#pragma once
// Picks the store from the --db value: "postgresql://..." or "postgres://..." is a
// PostgreSQL connection string, anything else a SQLite file path.

#include "server/store/record_store.h"

#include <memory>
#include <string>

namespace selfcheck::collector {

enum class StoreOpenMode {
    CreateIfMissing,  // serve, device add
    MustExist,        // count, device list/revoke: a typo must not create an empty database
};

bool is_postgres_url(const std::string& db);

// Throws StorageError naming the database (never the password) when it cannot be opened.
std::unique_ptr<RecordStore> open_store(const std::string& db, StoreOpenMode mode);

// `db` as safe to print: a connection string's password is replaced by "***".
std::string describe_db(const std::string& db);

}  // namespace selfcheck::collector
