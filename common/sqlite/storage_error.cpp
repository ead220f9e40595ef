#include "common/sqlite/storage_error.h"

#include <sqlite3.h>

namespace selfcheck {

namespace {

std::string message(const std::string& where, const std::string& operation, int code, const std::string& detail) {
    std::string text = where + ": " + operation + " failed: " + detail;
    if (code != 0) text += " (SQLite code " + std::to_string(code) + ")";
    if ((code & 0xff) == SQLITE_FULL) text += "; the disk is full, free space so records can be saved";
    return text;
}

}  // namespace

StorageError::StorageError(std::string where, std::string operation, int sqlite_code, const std::string& detail)
    : std::runtime_error(message(where, operation, sqlite_code, detail)),
      where_(std::move(where)),
      operation_(std::move(operation)),
      sqlite_code_(sqlite_code) {}

bool StorageError::disk_full() const { return (sqlite_code_ & 0xff) == SQLITE_FULL; }

bool StorageError::busy() const {
    const int primary = sqlite_code_ & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

}  // namespace selfcheck
