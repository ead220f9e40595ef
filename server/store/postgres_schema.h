#pragma once
// The collector's tables in PostgreSQL, migrated step by step like the SQLite schema.

namespace pqxx {
class connection_base;
}

namespace selfcheck::collector::postgres {

int latest_schema_version();

// Applies the steps the database has not had yet, in one transaction under an advisory
// lock, so collectors starting together against one database migrate it once.
// Throws StorageError if the database is newer than this build understands.
void migrate(pqxx::connection_base& connection);

}  // namespace selfcheck::collector::postgres
