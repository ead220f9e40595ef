#include "server/store/sqlite_record_store.h"

#include <sqlite3.h>

#include "server/store/sqlite_schema.h"

namespace collector {
namespace {

// How long a write waits for another connection's lock (e.g. `collector count` or a
// backup) before giving up with SQLITE_BUSY.
constexpr int kBusyTimeoutMs = 5000;

// Binds without copying: the caller's strings outlive the statement's use of them,
// because ResetOnExit clears the bindings before the caller returns.
void bind_text(sqlite3_stmt* statement, int index, const std::string& text) {
  sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

}  // namespace

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
  sqlite::migrate(db_.get());

  insert_ = sqlite::prepare(db_.get(),
                            "INSERT INTO records (record_id, form_id, form_version, language, site,"
                            " completed_on, answers_json, received_at)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                            " ON CONFLICT (record_id) DO NOTHING");
  count_ = sqlite::prepare(db_.get(), "SELECT count(*) FROM records");
  contains_ = sqlite::prepare(db_.get(), "SELECT 1 FROM records WHERE record_id = ?");
}

bool SqliteRecordStore::insert(const StoredRecord& stored) {
  const Record& record = stored.record;
  std::lock_guard lock(mutex_);
  sqlite3_stmt* statement = insert_.get();
  sqlite::ResetOnExit reset(statement);
  bind_text(statement, 1, record.record_id);
  bind_text(statement, 2, record.form_id);
  sqlite3_bind_int64(statement, 3, record.form_version);
  bind_text(statement, 4, record.language);
  bind_text(statement, 5, record.site);
  bind_text(statement, 6, record.completed_on);
  bind_text(statement, 7, record.answers_json);
  bind_text(statement, 8, stored.received_at);
  if (sqlite3_step(statement) != SQLITE_DONE) sqlite::fail(db_.get(), "storing a record");
  // ON CONFLICT DO NOTHING: an existing record_id leaves zero rows changed.
  return sqlite3_changes(db_.get()) == 1;
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
  bind_text(contains_.get(), 1, record_id);
  const int rc = sqlite3_step(contains_.get());
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) sqlite::fail(db_.get(), "looking up a record");
  return rc == SQLITE_ROW;
}

}  // namespace collector
