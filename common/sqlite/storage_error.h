#pragma once
// A store that could not do its job: the kiosk's outbox or the collector's database (SQLite
// or PostgreSQL). The message says what failed and where (the file or server, the operation
// and the database's own words), so staff and the NGO get something they can act on.
// Callers treat it as temporary: nothing was written, and the work may be retried.
#include <stdexcept>
#include <string>

namespace selfcheck {

class StorageError : public std::runtime_error {
public:
    // `where`: the database file, or a description of the server. `sqlite_code` is SQLite's
    // extended result code; 0 when the failure is not SQLite's.
    StorageError(std::string where, std::string operation, int sqlite_code, const std::string& detail);

    const std::string& where() const { return where_; }
    const std::string& operation() const { return operation_; }
    int sqlite_code() const { return sqlite_code_; }
    // The disk (or the quota) is full: nothing more can be saved until space is freed.
    bool disk_full() const;
    // Another connection holds the lock: worth retrying soon.
    bool busy() const;

private:
    std::string where_;
    std::string operation_;
    int sqlite_code_;
};

}  // namespace selfcheck
