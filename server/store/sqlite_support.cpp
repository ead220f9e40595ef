#include "server/store/sqlite_support.h"

#include "server/store/record_store.h"

#include <sqlite3.h>

namespace collector::sqlite {

void ConnectionCloser::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

void StatementFinalizer::operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }

void fail(sqlite3* db, const std::string& doing) {
    throw StoreError(doing + ": " + (db != nullptr ? sqlite3_errmsg(db) : "out of memory"));
}

void exec(sqlite3* db, const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
        fail(db, std::string("running \"") + sql + "\"");
    }
}

Statement prepare(sqlite3* db, const char* sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) {
        fail(db, std::string("preparing \"") + sql + "\"");
    }
    return Statement(raw);
}

void bind_text(sqlite3_stmt* statement, int index, const std::string& text) {
    sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

namespace {

// Steps `statement` to its first row, or throws naming `sql`.
void step_to_row(sqlite3* db, sqlite3_stmt* statement, const char* sql) {
    if (sqlite3_step(statement) != SQLITE_ROW) fail(db, std::string("running \"") + sql + "\"");
}

}  // namespace

std::int64_t query_int(sqlite3* db, const char* sql) {
    Statement statement = prepare(db, sql);
    step_to_row(db, statement.get(), sql);
    return sqlite3_column_int64(statement.get(), 0);
}

std::string query_text(sqlite3* db, const char* sql) {
    Statement statement = prepare(db, sql);
    step_to_row(db, statement.get(), sql);
    const unsigned char* text = sqlite3_column_text(statement.get(), 0);
    return text != nullptr ? reinterpret_cast<const char*>(text) : "";
}

ResetOnExit::~ResetOnExit() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

std::string column_text(sqlite3_stmt* statement, int column) {
    const unsigned char* text = sqlite3_column_text(statement, column);
    return text != nullptr ? reinterpret_cast<const char*>(text) : "";
}

}  // namespace collector::sqlite
