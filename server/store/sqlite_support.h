#pragma once
// Small RAII and error helpers over the SQLite C API, shared by the SQLite store files.
// Only forward declarations here, so users of SqliteRecordStore need not see sqlite3.h.

#include <cstdint>
#include <memory>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace collector::sqlite {

struct ConnectionCloser {
    void operator()(sqlite3* db) const;
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* statement) const;
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// Throws StoreError "<doing>: <SQLite's message for db>".
[[noreturn]] void fail(sqlite3* db, const std::string& doing);

// Runs SQL that returns no rows (may hold several statements).
void exec(sqlite3* db, const char* sql);

Statement prepare(sqlite3* db, const char* sql);

// Binds without copying: the caller's string must outlive the statement's use of it
// (ResetOnExit clears bindings before the caller returns).
void bind_text(sqlite3_stmt* statement, int index, const std::string& text);

// A text column of the current row; "" for NULL.
std::string column_text(sqlite3_stmt* statement, int column);

// Runs SQL that returns one row whose first column is an integer or text.
std::int64_t query_int(sqlite3* db, const char* sql);
std::string query_text(sqlite3* db, const char* sql);

// Resets a cached statement on scope exit so it can be reused and holds no locks.
class ResetOnExit {
public:
    explicit ResetOnExit(sqlite3_stmt* statement) : statement_(statement) {}
    ~ResetOnExit();
    ResetOnExit(const ResetOnExit&) = delete;
    ResetOnExit& operator=(const ResetOnExit&) = delete;

private:
    sqlite3_stmt* statement_;
};

}  // namespace collector::sqlite
