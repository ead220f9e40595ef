#include "common/sqlite/migrations.h"

namespace selfcheck {

void make_durable(Database& db) {
    if (db.query_text("PRAGMA journal_mode = WAL", "switching to WAL mode") != "wal")
        throw StorageError(db.path(), "switching to WAL mode", 0, "SQLite kept another journal mode");
    db.exec("PRAGMA synchronous = FULL", "setting synchronous=FULL");
}

void migrate(Database& db, const std::vector<const char*>& steps, const std::string& program) {
    while (true) {
        Transaction transaction(db, "migrating the schema");
        // Read inside the write transaction: another process may have just run the step.
        const int version = int(db.query_integer("PRAGMA user_version", "reading the schema version"));
        if (version > int(steps.size()))
            throw StorageError(db.path(), "opening the database", 0,
                               "schema version " + std::to_string(version) + " is newer than " + program + " knows (" +
                                   std::to_string(steps.size()) + "); install the newer version again");
        if (version == int(steps.size())) {
            transaction.commit();
            return;
        }
        const std::string operation = "migrating the schema to version " + std::to_string(version + 1);
        db.exec(steps[size_t(version)], operation);
        db.exec(("PRAGMA user_version = " + std::to_string(version + 1)).c_str(), operation);
        transaction.commit();
    }
}

}  // namespace selfcheck
