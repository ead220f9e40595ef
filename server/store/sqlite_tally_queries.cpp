// SqliteRecordStore: report tallies (report_tally.h), kept in insert_batch's transaction,
// read for a date range, and rebuilt from the records when they are stale.
#include "server/store/sqlite_record_store.h"

namespace selfcheck::collector {
namespace {

// The shared SQL's $n placeholders as SQLite's ?n.
std::string sqlite_placeholders(std::string sql) {
    for (char& c : sql) {
        if (c == '$') c = '?';
    }
    return sql;
}

// A rebuild writes its counts out whenever this many day cells are waiting (the upsert adds
// them to what is there), so memory stays bounded however many records there are.
constexpr std::size_t kRebuildFlushCells = 200000;

}  // namespace

void SqliteRecordStore::add_tallies(const PeriodTallies& days, const PeriodTallies& months) {
    for (const auto& [table, period, tallies] :
         {std::tuple{"tally_days", "day", &days}, std::tuple{"tally_months", "month", &months}}) {
        Statement upsert(db_, sqlite_placeholders(tally_upsert_sql(table, period, "min", 1)).c_str(),
                         "counting a record for reports");
        for (const auto& [key, count] : *tallies) {
            const std::vector<std::string> values = tally_upsert_values(key, count);
            for (std::size_t i = 0; i < values.size(); ++i) {
                if (i == 8) {
                    upsert.bind(int(i + 1), count.count);  // count: an INTEGER column of a STRICT table
                } else {
                    upsert.bind(int(i + 1), values[i]);
                }
            }
            upsert.run();
        }
    }
}

void SqliteRecordStore::tally_stored(const std::vector<const Record*>& stored_now) {
    if (stored_now.empty()) return;
    const std::string current = db_.query_text("SELECT fingerprint FROM tally_state", "reading the tally state");
    if (!tallier_ || current != tallier_->fingerprint()) {
        if (!current.empty()) db_.exec("UPDATE tally_state SET fingerprint = ''", "marking the tallies stale");
        return;
    }
    PeriodTallies days, months;
    for (const Record* record : stored_now) tally_record(*tallier_, *record, days, months);
    add_tallies(days, months);
}

std::string SqliteRecordStore::tally_fingerprint() const {
    std::lock_guard lock(mutex_);
    return db_.query_text("SELECT fingerprint FROM tally_state", "reading the tally state");
}

std::optional<Tallies> SqliteRecordStore::tallies_in_range(const RecordFilter& filter,
                                                           const std::string& fingerprint) const {
    std::lock_guard lock(mutex_);
    // One read transaction: the fingerprint and the counts from the same moment.
    db_.exec("BEGIN", "reading report tallies");
    struct End {
        Database& db;
        ~End() {
            try {
                db.exec("COMMIT", "reading report tallies");
            } catch (const StorageError&) {  // a read: nothing to lose
            }
        }
    } end{db_};
    if (db_.query_text("SELECT fingerprint FROM tally_state", "reading the tally state") != fingerprint ||
        fingerprint.empty()) {
        return std::nullopt;
    }
    const TallyRange range = tally_range(filter);
    Statement rows(db_, sqlite_placeholders(kTallyRangeRowsSql).c_str(), "reading report tallies");
    rows.bind(1, range.from)
        .bind(2, range.to)
        .bind(3, range.first_month)
        .bind(4, range.last_month)
        .bind(5, range.whole_from)
        .bind(6, range.past_to)
        .bind(7, range.site);
    Tallies tallies;
    while (rows.step()) {
        tallies[TallyCell{rows.text(0), rows.text(1), rows.text(2), rows.text(3), rows.text(4), rows.text(5)}].add(
            rows.integer(6), rows.text(7));
    }
    return tallies;
}

std::int64_t SqliteRecordStore::rebuild_tallies() {
    if (!tallier_) throw StorageError(db_.path(), "rebuilding report tallies", 0, "no tallier set");
    std::lock_guard lock(mutex_);
    Transaction transaction(db_, "rebuilding report tallies");
    db_.exec("DELETE FROM tally_days", "rebuilding report tallies");
    db_.exec("DELETE FROM tally_months", "rebuilding report tallies");
    Statement rows(db_, (std::string("SELECT ") + kSqliteRecordColumns + " FROM records").c_str(),
                   "reading records to tally");
    PeriodTallies days, months;
    std::int64_t counted = 0;
    while (rows.step()) {
        tally_record(*tallier_, stored_record_from_row(rows).record, days, months);
        ++counted;
        if (days.size() >= kRebuildFlushCells) {
            add_tallies(days, months);
            days.clear();
            months.clear();
        }
    }
    add_tallies(days, months);
    Statement state(db_, "UPDATE tally_state SET fingerprint = ?", "rebuilding report tallies");
    state.bind(1, tallier_->fingerprint()).run();
    transaction.commit();
    return counted;
}

}  // namespace selfcheck::collector
