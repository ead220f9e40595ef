#pragma once
// Every failure of the outbox says what failed and where: the file, the operation and
// SQLite's own words, so the staff panel can tell staff something they can act on.
#include <stdexcept>
#include <string>

namespace selfcheck {

class StoreError : public std::runtime_error {
public:
    // `sqlite_code` is SQLite's extended result code; 0 when the failure is not SQLite's.
    StoreError(std::string path, std::string operation, int sqlite_code, const std::string& detail);

    const std::string& path() const { return path_; }
    const std::string& operation() const { return operation_; }
    int sqlite_code() const { return sqlite_code_; }
    // The disk (or the quota) is full: nothing more can be saved until space is freed.
    bool disk_full() const;

private:
    std::string path_;
    std::string operation_;
    int sqlite_code_;
};

}  // namespace selfcheck
