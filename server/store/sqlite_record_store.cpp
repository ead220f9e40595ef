#include "server/store/sqlite_record_store.h"

#include "common/sqlite/migrations.h"
#include "server/store/indicator_list.h"
#include "server/store/sqlite_schema.h"

namespace selfcheck::collector {

namespace {

// How long a write waits for another connection's lock (e.g. `collector device add` or a
// backup) before giving up with SQLITE_BUSY, which the API turns into 503 + Retry-After.
constexpr int kBusyTimeoutMs = 5000;

DatabaseOptions options_for(SqliteRecordStore::OpenMode mode) {
    DatabaseOptions options;
    options.create_if_missing = mode == SqliteRecordStore::OpenMode::CreateIfMissing;
    options.busy_timeout_ms = kBusyTimeoutMs;
    return options;
}

}  // namespace

const char* const kSqliteRecordColumns =
    "record_id, form_id, form_version, language, site, completed_on, answers_json,"
    " received_at, schema, indicators_json, result_level, device_id";

StoredRecord stored_record_from_row(const Statement& row) {
    StoredRecord stored;
    Record& record = stored.record;
    record.record_id = row.text(0);
    record.form_id = row.text(1);
    record.form_version = int(row.integer(2));
    record.language = row.text(3);
    record.site = row.text(4);
    record.completed_on = row.text(5);
    record.answers = answers_from_json(row.text(6));
    stored.received_at = row.text(7);
    record.schema = int(row.integer(8));
    record.indicators = indicators_from_json(row.text(9));
    record.result_level = row.text(10);
    stored.device_id = row.text(11);
    return stored;
}

SqliteRecordStore::SqliteRecordStore(const std::string& path, OpenMode mode) : db_(path, options_for(mode)) {
    make_durable(db_);
    db_.exec("PRAGMA foreign_keys = ON", "turning on foreign keys");
    // A referral's erased sealed box is overwritten with zeros, not left in free pages.
    db_.exec("PRAGMA secure_delete = ON", "turning on secure delete");
    migrate(db_, sqlite_store_migrations(), "this collector");
}

std::vector<bool> SqliteRecordStore::insert_batch(const std::vector<StoredRecord>& records) {
    std::vector<bool> stored_now;
    stored_now.reserve(records.size());
    std::vector<const Record*> tallied;
    std::lock_guard lock(mutex_);
    // One transaction for the batch: one fsync instead of one per record, and all or none.
    Transaction transaction(db_, "storing a batch");
    Statement insert(db_,
                     (std::string("INSERT INTO records (") + kSqliteRecordColumns +
                      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (record_id) DO NOTHING")
                         .c_str(),
                     "storing a record");
    for (const StoredRecord& stored : records) {
        const Record& record = stored.record;
        insert.bind(1, record.record_id)
            .bind(2, record.form_id)
            .bind(3, std::int64_t(record.form_version))
            .bind(4, record.language)
            .bind(5, record.site)
            .bind(6, record.completed_on)
            .bind(7, answers_to_json(record.answers))
            .bind(8, stored.received_at)
            .bind(9, std::int64_t(record.schema))
            .bind(10, indicators_to_json(record.indicators))
            .bind(11, record.result_level);
        if (!stored.device_id.empty()) insert.bind(12, stored.device_id);  // else NULL: from before devices
        insert.run();
        // ON CONFLICT DO NOTHING: an existing record_id leaves zero rows changed.
        stored_now.push_back(db_.changes() == 1);
        if (stored_now.back()) tallied.push_back(&record);
    }
    tally_stored(tallied);
    Statement delivered(db_, "UPDATE devices SET last_delivery_at = ?1 WHERE device_id = ?2",
                        "noting a device's delivery");
    for (const auto& [device_id, received_at] : deliveries(records))
        delivered.bind(1, received_at).bind(2, device_id).run();
    transaction.commit();
    return stored_now;
}

std::int64_t SqliteRecordStore::count() const {
    std::lock_guard lock(mutex_);
    return db_.query_integer("SELECT count(*) FROM records", "counting records");
}

bool SqliteRecordStore::contains(const std::string& record_id) const {
    std::lock_guard lock(mutex_);
    Statement lookup(db_, "SELECT 1 FROM records WHERE record_id = ?", "looking up a record");
    return lookup.bind(1, record_id).step();
}

std::optional<StoredRecord> SqliteRecordStore::find(const std::string& record_id) const {
    std::lock_guard lock(mutex_);
    Statement row(db_, (std::string("SELECT ") + kSqliteRecordColumns + " FROM records WHERE record_id = ?").c_str(),
                  "reading a record");
    if (!row.bind(1, record_id).step()) return std::nullopt;
    return stored_record_from_row(row);
}

}  // namespace selfcheck::collector
