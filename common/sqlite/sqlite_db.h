#pragma once
// A thin layer over the SQLite C API for the outbox: one connection, prepared statements and
// an IMMEDIATE transaction that rolls back unless committed. Every failure becomes a
// StorageError naming the file and the operation.
#include "common/sqlite/storage_error.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace selfcheck {

struct DatabaseOptions {
    bool create_if_missing = true;  // false: a mistyped path is an error, not a new empty file
    std::string vfs;                // empty: SQLite's default (tests inject faults through their own)
    int busy_timeout_ms = 0;        // how long to wait for another connection's lock
};

class Database {
public:
    explicit Database(const std::filesystem::path& path, const DatabaseOptions& options = {});
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }

    // Rows changed by the last INSERT, UPDATE or DELETE.
    std::int64_t changes() const;
    // Runs SQL that returns no rows (may hold several statements).
    void exec(const char* sql, const std::string& operation);
    // Runs SQL that returns one row, and gives its first column.
    std::int64_t query_integer(const char* sql, const std::string& operation);
    std::string query_text(const char* sql, const std::string& operation);
    // Throws StorageError with SQLite's current error for this connection.
    [[noreturn]] void fail(const std::string& operation) const;
    // Throws StorageError for result code `code`.
    [[noreturn]] void fail(const std::string& operation, int code) const;

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

class Statement {
public:
    Statement(Database& db, const char* sql, std::string operation);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t number);
    Statement& bind_blob(int index, std::string_view bytes);
    // True while there is a row to read; false when done.
    bool step();
    // Steps through a statement that returns no rows.
    void run();
    void reset();

    std::int64_t integer(int column) const;
    std::string text(int column) const;  // "" for NULL
    std::string blob(int column) const;
    bool is_null(int column) const;

private:
    Database& db_;
    sqlite3_stmt* statement_ = nullptr;
    std::string operation_;
};

// BEGIN IMMEDIATE: takes the write lock up front, so a commit never fails for a lock
// another connection took after we read.
class Transaction {
public:
    Transaction(Database& db, std::string operation);
    ~Transaction();  // rolls back unless committed
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    // Returns once the commit is durable (synchronous=FULL: the WAL is synced).
    void commit();

private:
    Database& db_;
    std::string operation_;
    bool done_ = false;
};

}  // namespace selfcheck
