#pragma once
// RecordStore on one SQLite file: WAL journal, synchronous=FULL (a record the kiosk was
// told is stored survives power loss), schema migrated on open.

#include <mutex>
#include <string>

#include "server/store/record_store.h"
#include "server/store/sqlite_support.h"

namespace collector {

class SqliteRecordStore final : public RecordStore {
 public:
  enum class OpenMode {
    create_if_missing,  // serve: a new deployment starts with an empty database
    must_exist,         // count and other read-mostly tools: a typo must not create a file
  };

  // Opens (or creates) the database at `path` and migrates it to the latest schema.
  // Throws StoreError naming the path if it cannot.
  explicit SqliteRecordStore(const std::string& path,
                             OpenMode mode = OpenMode::create_if_missing);

  bool insert(const StoredRecord& stored) override;
  std::int64_t count() const override;
  bool contains(const std::string& record_id) const override;

 private:
  void open(const std::string& path, OpenMode mode);

  // One connection shared by all threads, one statement at a time.
  mutable std::mutex mutex_;
  sqlite::Connection db_;  // declared before the statements so it is closed after them
  sqlite::Statement insert_;
  sqlite::Statement count_;
  sqlite::Statement contains_;
};

}  // namespace collector
