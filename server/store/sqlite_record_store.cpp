#include "server/store/sqlite_record_store.h"

#include "server/record/indicator_list.h"
#include "server/store/sqlite_schema.h"

#include <sqlite3.h>

namespace collector {
namespace {

// How long a write waits for another connection's lock (e.g. `collector device add` or a
// backup) before giving up with SQLITE_BUSY, which the API turns into 503 + Retry-After.
constexpr int kBusyTimeoutMs = 5000;

}  // namespace

const char* const kSqliteRecordColumns =
    "record_id, form_id, form_version, language, site, completed_on, answers_json,"
    " received_at, schema, indicators_json, result_level, device_id";

StoredRecord stored_record_from_row(sqlite3_stmt* row) {
    StoredRecord stored;
    Record& record = stored.record;
    record.record_id = sqlite::column_text(row, 0);
    record.form_id = sqlite::column_text(row, 1);
    record.form_version = sqlite3_column_int64(row, 2);
    record.language = sqlite::column_text(row, 3);
    record.site = sqlite::column_text(row, 4);
    record.completed_on = sqlite::column_text(row, 5);
    record.answers_json = sqlite::column_text(row, 6);
    stored.received_at = sqlite::column_text(row, 7);
    record.schema = sqlite3_column_int64(row, 8);
    record.indicators = indicators_from_json(sqlite::column_text(row, 9));
    record.result_level = sqlite::column_text(row, 10);
    stored.device_id = sqlite::column_text(row, 11);
    return stored;
}

SqliteRecordStore::SqliteRecordStore(const std::string& path, OpenMode mode) {
    try {
        open(path, mode);
    } catch (const StoreError& error) {
        throw StoreError("cannot open database '" + path + "': " + error.what());
    }
}

void SqliteRecordStore::open(const std::string& path, OpenMode mode) {
    int flags = SQLITE_OPEN_READWRITE;
    if (mode == OpenMode::create_if_missing) flags |= SQLITE_OPEN_CREATE;
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    db_.reset(raw);  // sqlite3 may hand back a handle even on failure; it must be closed
    if (rc != SQLITE_OK) throw StoreError(raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));

    sqlite3_busy_timeout(db_.get(), kBusyTimeoutMs);
    // journal_mode answers with the mode it ended up in rather than failing.
    if (sqlite::query_text(db_.get(), "PRAGMA journal_mode = WAL") != "wal") {
        throw StoreError("could not switch to WAL journal mode");
    }
    sqlite::exec(db_.get(), "PRAGMA synchronous = FULL");
    sqlite::exec(db_.get(), "PRAGMA foreign_keys = ON");
    sqlite::migrate(db_.get());

    insert_ = sqlite::prepare(db_.get(), (std::string("INSERT INTO records (") + kSqliteRecordColumns +
                                          ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                          " ON CONFLICT (record_id) DO NOTHING")
                                             .c_str());
    count_ = sqlite::prepare(db_.get(), "SELECT count(*) FROM records");
    contains_ = sqlite::prepare(db_.get(), "SELECT 1 FROM records WHERE record_id = ?");
    find_device_ =
        sqlite::prepare(db_.get(), "SELECT device_id, site, created_at, revoked_at FROM devices WHERE token_hash = ?");
}

std::vector<bool> SqliteRecordStore::insert_batch(const std::vector<StoredRecord>& records) {
    std::vector<bool> stored_now;
    stored_now.reserve(records.size());
    std::lock_guard lock(mutex_);
    // One transaction for the batch: one fsync instead of one per record, and all or none.
    sqlite::exec(db_.get(), "BEGIN IMMEDIATE");
    try {
        sqlite3_stmt* statement = insert_.get();
        for (const StoredRecord& stored : records) {
            const Record& record = stored.record;
            const std::string indicators = indicators_to_json(record.indicators);
            sqlite::ResetOnExit reset(statement);
            sqlite::bind_text(statement, 1, record.record_id);
            sqlite::bind_text(statement, 2, record.form_id);
            sqlite3_bind_int64(statement, 3, record.form_version);
            sqlite::bind_text(statement, 4, record.language);
            sqlite::bind_text(statement, 5, record.site);
            sqlite::bind_text(statement, 6, record.completed_on);
            sqlite::bind_text(statement, 7, record.answers_json);
            sqlite::bind_text(statement, 8, stored.received_at);
            sqlite3_bind_int64(statement, 9, record.schema);
            sqlite::bind_text(statement, 10, indicators);
            sqlite::bind_text(statement, 11, record.result_level);
            if (stored.device_id.empty()) {
                sqlite3_bind_null(statement, 12);
            } else {
                sqlite::bind_text(statement, 12, stored.device_id);
            }
            if (sqlite3_step(statement) != SQLITE_DONE) sqlite::fail(db_.get(), "storing a record");
            // ON CONFLICT DO NOTHING: an existing record_id leaves zero rows changed.
            stored_now.push_back(sqlite3_changes(db_.get()) == 1);
        }
        sqlite::exec(db_.get(), "COMMIT");
    } catch (...) {
        sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    return stored_now;
}

std::int64_t SqliteRecordStore::count() const {
    std::lock_guard lock(mutex_);
    sqlite::ResetOnExit reset(count_.get());
    if (sqlite3_step(count_.get()) != SQLITE_ROW) sqlite::fail(db_.get(), "counting records");
    return sqlite3_column_int64(count_.get(), 0);
}

bool SqliteRecordStore::contains(const std::string& record_id) const {
    std::lock_guard lock(mutex_);
    sqlite::ResetOnExit reset(contains_.get());
    sqlite::bind_text(contains_.get(), 1, record_id);
    const int rc = sqlite3_step(contains_.get());
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) sqlite::fail(db_.get(), "looking up a record");
    return rc == SQLITE_ROW;
}

std::optional<StoredRecord> SqliteRecordStore::find(const std::string& record_id) const {
    std::lock_guard lock(mutex_);
    const std::string sql = std::string("SELECT ") + kSqliteRecordColumns + " FROM records WHERE record_id = ?";
    sqlite::Statement statement = sqlite::prepare(db_.get(), sql.c_str());
    sqlite::bind_text(statement.get(), 1, record_id);
    const int rc = sqlite3_step(statement.get());
    if (rc == SQLITE_DONE) return std::nullopt;
    if (rc != SQLITE_ROW) sqlite::fail(db_.get(), "reading a record");
    return stored_record_from_row(statement.get());
}

}  // namespace collector
