#pragma once
// Where accepted records are kept. SQLite today; other back ends (e.g. PostgreSQL)
// implement the same interface. Implementations must be safe to call from several
// HTTP worker threads at once.

#include <cstdint>
#include <stdexcept>
#include <string>

#include "server/store/stored_record.h"

namespace collector {

// The store could not do its job (I/O error, corrupt or too-new database, ...).
// Callers treat it as temporary: nothing was stored, the kiosk should retry.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class RecordStore {
 public:
  virtual ~RecordStore() = default;

  // Stores the record durably. Returns false, storing nothing, if a record with the
  // same record_id is already present (kiosks retry, so this is routine).
  // Throws StoreError on failure.
  virtual bool insert(const StoredRecord& stored) = 0;

  virtual std::int64_t count() const = 0;
  virtual bool contains(const std::string& record_id) const = 0;
};

}  // namespace collector
