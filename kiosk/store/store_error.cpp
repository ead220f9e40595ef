#include "store_error.h"

#include <sqlite3.h>

namespace selfcheck {

namespace {

std::string message(const std::string& path, const std::string& operation, int code, const std::string& detail) {
    std::string text = "outbox " + path + ": " + operation + " failed: " + detail;
    if (code != 0) text += " (SQLite code " + std::to_string(code) + ")";
    if ((code & 0xff) == SQLITE_FULL) text += "; the disk is full, free space so records can be saved";
    return text;
}

}  // namespace

StoreError::StoreError(std::string path, std::string operation, int sqlite_code, const std::string& detail)
    : std::runtime_error(message(path, operation, sqlite_code, detail)),
      path_(std::move(path)),
      operation_(std::move(operation)),
      sqlite_code_(sqlite_code) {}

bool StoreError::disk_full() const { return (sqlite_code_ & 0xff) == SQLITE_FULL; }

}  // namespace selfcheck
