#include "common/sqlite/sqlite_db.h"

#include <sqlite3.h>

namespace selfcheck {

Database::Database(const std::filesystem::path& path, const DatabaseOptions& options) : path_(path.string()) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (options.create_if_missing) flags |= SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path_.c_str(), &db_, flags, options.vfs.empty() ? nullptr : options.vfs.c_str());
    if (rc != SQLITE_OK) {
        const std::string detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw StorageError(path_, "opening the database", rc, detail);
    }
    sqlite3_extended_result_codes(db_, 1);
    if (options.busy_timeout_ms > 0) sqlite3_busy_timeout(db_, options.busy_timeout_ms);
}

Database::~Database() { sqlite3_close(db_); }

std::int64_t Database::changes() const { return sqlite3_changes64(db_); }

void Database::exec(const char* sql, const std::string& operation) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(operation);
}

std::int64_t Database::query_integer(const char* sql, const std::string& operation) {
    Statement statement(*this, sql, operation);
    if (!statement.step()) fail(operation, SQLITE_DONE);
    return statement.integer(0);
}

std::string Database::query_text(const char* sql, const std::string& operation) {
    Statement statement(*this, sql, operation);
    if (!statement.step()) fail(operation, SQLITE_DONE);
    return statement.text(0);
}

void Database::fail(const std::string& operation) const {
    throw StorageError(path_, operation, sqlite3_extended_errcode(db_), sqlite3_errmsg(db_));
}

void Database::fail(const std::string& operation, int code) const {
    throw StorageError(path_, operation, code, sqlite3_errstr(code));
}

Statement::Statement(Database& db, const char* sql, std::string operation) : db_(db), operation_(std::move(operation)) {
    if (sqlite3_prepare_v2(db.handle(), sql, -1, &statement_, nullptr) != SQLITE_OK) db.fail(operation_);
}

Statement::~Statement() { sqlite3_finalize(statement_); }

Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text(statement_, index, text.data(), int(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        db_.fail(operation_);
    return *this;
}

Statement& Statement::bind(int index, std::int64_t number) {
    if (sqlite3_bind_int64(statement_, index, number) != SQLITE_OK) db_.fail(operation_);
    return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
    if (sqlite3_bind_blob(statement_, index, bytes.data(), int(bytes.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        db_.fail(operation_);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_.fail(operation_);
}

void Statement::run() {
    while (step()) {}
    reset();
}

void Statement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(statement_, column); }

std::string Statement::text(int column) const {
    const auto* chars = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    return chars ? std::string(chars, size_t(sqlite3_column_bytes(statement_, column))) : std::string();
}

std::string Statement::blob(int column) const {
    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement_, column));
    return bytes ? std::string(bytes, size_t(sqlite3_column_bytes(statement_, column))) : std::string();
}

bool Statement::is_null(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

Transaction::Transaction(Database& db, std::string operation) : db_(db), operation_(std::move(operation)) {
    db_.exec("BEGIN IMMEDIATE", operation_);
}

Transaction::~Transaction() {
    // After an I/O error SQLite may already have rolled back; only roll back what is open.
    if (!done_ && !sqlite3_get_autocommit(db_.handle()))
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    done_ = true;
    const int rc = sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return;
    const StorageError error(db_.path(), operation_ + " (commit)", sqlite3_extended_errcode(db_.handle()),
                             sqlite3_errmsg(db_.handle()));
    if (!sqlite3_get_autocommit(db_.handle())) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw error;
}

}  // namespace selfcheck
