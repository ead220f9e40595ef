#include "server/store/open_store.h"

#include "server/store/postgres_record_store.h"
#include "server/store/sqlite_record_store.h"

namespace selfcheck::collector {

bool is_postgres_url(const std::string& db) {
    return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

std::unique_ptr<RecordStore> open_store(const std::string& db, StoreOpenMode mode) {
    if (is_postgres_url(db)) return std::make_unique<PostgresRecordStore>(db);
    return std::make_unique<SqliteRecordStore>(db, mode == StoreOpenMode::CreateIfMissing
                                                       ? SqliteRecordStore::OpenMode::CreateIfMissing
                                                       : SqliteRecordStore::OpenMode::MustExist);
}

std::string describe_db(const std::string& db) {
    if (!is_postgres_url(db)) return db;
    // postgresql://user:password@host... -> postgresql://user:***@host...
    const std::size_t scheme_end = db.find("://") + 3;
    const std::size_t at = db.find('@', scheme_end);
    if (at == std::string::npos) return db;
    const std::size_t colon = db.find(':', scheme_end);
    if (colon == std::string::npos || colon > at) return db;
    return db.substr(0, colon + 1) + "***" + db.substr(at);
}

}  // namespace selfcheck::collector
