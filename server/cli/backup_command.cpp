// `collector backup --to FILE`: a consistent copy of a SQLite store, taken with SQLite's
// online backup API while `serve` keeps accepting records (WAL: the copy does not block it).
#include "server/cli/commands.h"
#include "server/store/open_store.h"
#include "server/store/sqlite_record_store.h"

#include <filesystem>
#include <iostream>

namespace selfcheck::collector {

int run_backup(const Options& options) {
    if (is_postgres_url(options.db)) {
        std::cerr << "collector: backup copies a SQLite file; for PostgreSQL use pg_dump "
                     "(docs/deploy-collector.md)\n";
        return kExitUsage;
    }
    std::error_code exists_error;
    if (std::filesystem::exists(options.backup_file, exists_error)) {
        std::cerr << "collector: backup: " << options.backup_file << " already exists; name a new file\n";
        return kExitFailure;
    }
    try {
        const SqliteRecordStore store(options.db, SqliteRecordStore::OpenMode::MustExist);
        store.backup_to(options.backup_file);
        std::cout << "collector: copied " << options.db << " to " << options.backup_file << '\n';
        return kExitOk;
    } catch (const StorageError& error) {
        std::error_code ignored;
        std::filesystem::remove(options.backup_file, ignored);  // a half-written copy is no backup
        std::cerr << "collector: backup: " << error.what() << '\n';
        return kExitFailure;
    }
}

}  // namespace selfcheck::collector
