#include "kiosk/store/outbox.h"

#include "common/sqlite/migrations.h"
#include "kiosk/store/outbox_schema.h"
#include "protocol/time/dates.h"

#include <sqlite3.h>

#include <iostream>

namespace selfcheck {

namespace {

// Daily completion counts older than this are of no use to the staff panel.
constexpr int kKeepDailyCountsDays = 31;
constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
// How stale the kept open time may grow between writes; a kiosk killed meanwhile loses at
// most this much of its records' age (they then live a little longer, never shorter).
constexpr std::chrono::minutes kKeepOpenTimeEvery{10};

}  // namespace

Outbox::Outbox(const std::filesystem::path& path, OutboxOptions options)
    : options_(std::move(options)),
      clock_(options_.clock ? *options_.clock : system_clock()),
      db_(path, DatabaseOptions{true, options_.vfs, 5000}) {
    if (!options_.today) options_.today = hong_kong_today;
    if (!options_.log) options_.log = [](const std::string& line) { std::cerr << "kiosk: outbox: " << line << '\n'; };
    configure();
    migrate_outbox(db_);
    std::lock_guard lock(mutex_);
    open_ms_at_start_ = open_ms_kept_ =
        db_.query_integer("SELECT value FROM counters WHERE name = 'open_ms'", "reading the outbox's open time");
    started_ = clock_.now();
    Transaction transaction(db_, "applying the caps at open");
    enforce_limits();
    transaction.commit();
}

std::int64_t Outbox::open_ms() const {
    const auto since_start = std::chrono::duration_cast<std::chrono::milliseconds>(clock_.now() - started_);
    return open_ms_at_start_ + std::max<std::int64_t>(0, since_start.count());
}

void Outbox::keep_open_ms(std::chrono::milliseconds lag) {
    const std::int64_t now = open_ms();
    if (now - open_ms_kept_ <= lag.count()) return;
    Statement keep(db_, "UPDATE counters SET value = ?1 WHERE name = 'open_ms'", "keeping the outbox's open time");
    keep.bind(1, now).run();
    open_ms_kept_ = now;
}

void Outbox::configure() {
    make_durable(db_);  // a record add() confirmed survives a power cut
    db_.exec("PRAGMA secure_delete = ON", "setting secure_delete");
    db_.exec("PRAGMA temp_store = MEMORY", "keeping temporary data in memory");
}

std::string Outbox::today() const { return options_.today(); }

// Runs inside the caller's transaction; the log lines are written before it commits, so a
// drop is told even if the kiosk dies right after.
std::int64_t Outbox::enforce_limits() {
    const std::string operation = "dropping records over the cap";
    const OutboxLimits& limits = options_.limits;
    // Not at open (nothing has passed yet): a full disk must not keep the outbox from opening
    // and sending, which is what frees it.
    keep_open_ms(std::chrono::seconds(1));
    Statement too_old(db_, "DELETE FROM outbox WHERE ?1 - queued_at_ms > ?2", operation);
    too_old.bind(1, open_ms()).bind(2, std::int64_t(limits.max_age_days) * kDayMs).run();
    const std::int64_t old = db_.changes();
    Statement too_many(db_,
                       "DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox ORDER BY seq "
                       "LIMIT max(0, (SELECT count(*) FROM outbox) - ?1))",
                       operation);
    too_many.bind(1, limits.max_records).run();
    const std::int64_t many = db_.changes();
    if (old + many == 0) return 0;
    Statement count(db_, "UPDATE counters SET value = value + ?1 WHERE name = 'dropped_total' RETURNING value",
                    operation);
    count.bind(1, old + many);
    const std::int64_t total = count.step() ? count.integer(0) : old + many;
    const std::string in_all = "; " + std::to_string(total) + " dropped on this device in all";
    if (old > 0)
        options_.log("dropped " + std::to_string(old) + " records queued more than " +
                     std::to_string(limits.max_age_days) + " days (of the kiosk running) ago, the age cap" + in_all);
    if (many > 0)
        options_.log("dropped " + std::to_string(many) + " of the oldest records to keep within the cap of " +
                     std::to_string(limits.max_records) + " records" + in_all);
    return old + many;
}

std::int64_t Outbox::add(const std::string& record_id, const std::string& sealed) {
    std::lock_guard lock(mutex_);
    const std::string operation = "adding record " + record_id;
    const std::string day = today();
    Transaction transaction(db_, operation);
    Statement insert(db_, "INSERT INTO outbox (record_id, sealed, queued_on, queued_at_ms) VALUES (?1, ?2, ?3, ?4)",
                     operation);
    insert.bind(1, record_id).bind_blob(2, sealed).bind(3, day).bind(4, open_ms()).run();
    Statement count(db_,
                    "INSERT INTO completed_per_day (day, completed) VALUES (?1, 1) "
                    "ON CONFLICT (day) DO UPDATE SET completed = completed + 1",
                    operation);
    count.bind(1, day).run();
    Statement forget(db_, "DELETE FROM completed_per_day WHERE julianday(?1) - julianday(day) > ?2", operation);
    forget.bind(1, day).bind(2, std::int64_t(kKeepDailyCountsDays)).run();
    const std::int64_t dropped = enforce_limits();
    transaction.commit();
    return dropped;
}

std::vector<OutboxEntry> Outbox::next_batch(size_t max) {
    std::lock_guard lock(mutex_);
    Statement select(db_, "SELECT record_id, sealed FROM outbox WHERE rejected_reason IS NULL ORDER BY seq LIMIT ?1",
                     "reading the next batch");
    select.bind(1, std::int64_t(max));
    std::vector<OutboxEntry> batch;
    while (select.step()) batch.push_back({select.text(0), select.blob(1)});
    return batch;
}

std::int64_t Outbox::acknowledge(const std::vector<std::string>& record_ids) {
    std::lock_guard lock(mutex_);
    const std::string operation = "deleting acknowledged records";
    std::int64_t deleted = 0;
    {
        Transaction transaction(db_, operation);
        Statement remove(db_, "DELETE FROM outbox WHERE record_id = ?1", operation);
        for (const auto& id : record_ids) {
            remove.bind(1, id).run();
            deleted += db_.changes();
        }
        transaction.commit();
    }
    // Sent records are overwritten in the database (secure_delete); truncating the WAL drops
    // the older copies of those pages too. The deletion is already committed, so a failed
    // checkpoint is not the caller's failure: the next acknowledge (or SQLite's automatic
    // checkpoint) does it again.
    sqlite3_wal_checkpoint_v2(db_.handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    return deleted;
}

void Outbox::mark_rejected(const std::string& record_id, const std::string& reason) {
    std::lock_guard lock(mutex_);
    const std::string operation = "marking record " + record_id + " rejected";
    Statement mark(db_, "UPDATE outbox SET rejected_reason = ?2 WHERE record_id = ?1", operation);
    mark.bind(1, record_id).bind(2, reason.empty() ? std::string("rejected") : reason).run();
    if (db_.changes() == 0) throw StorageError(db_.path(), operation, 0, "no such record in the outbox");
}

OutboxCounts Outbox::counts() {
    std::lock_guard lock(mutex_);
    const std::string operation = "counting records";
    const std::string day = today();
    OutboxCounts c;
    Statement totals(db_,
                     "SELECT count(*) FILTER (WHERE rejected_reason IS NULL), "
                     "count(*) FILTER (WHERE rejected_reason IS NOT NULL), "
                     "min(queued_on) FILTER (WHERE rejected_reason IS NULL), "
                     "coalesce(?2 - min(queued_at_ms), 0), "
                     "(SELECT value FROM counters WHERE name = 'dropped_total'), "
                     "(SELECT completed FROM completed_per_day WHERE day = ?1) "
                     "FROM outbox",
                     operation);
    totals.bind(1, day).bind(2, open_ms());
    if (!totals.step()) throw StorageError(db_.path(), operation, 0, "no result row");
    c.queued = totals.integer(0);
    c.rejected = totals.integer(1);
    c.oldest_pending_date = totals.text(2);
    const std::int64_t oldest_age_ms = totals.integer(3);  // 0 when empty
    c.dropped_total = totals.integer(4);
    c.completed_today = totals.integer(5);
    const OutboxLimits& l = options_.limits;
    c.cap_near = (c.queued + c.rejected) * 100 >= l.max_records * l.warn_percent ||
                 oldest_age_ms * 100 >= std::int64_t(l.max_age_days) * kDayMs * l.warn_percent;
    c.warning = c.dropped_total > 0 ? OutboxWarning::Dropped
                : c.cap_near        ? OutboxWarning::CapNear
                                    : OutboxWarning::None;
    try {
        keep_open_ms(kKeepOpenTimeEvery);
    } catch (const StorageError&) {
        // Best effort: counting must work on a full disk; the time is kept at the next write.
    }
    return c;
}

std::string Outbox::integrity_check() {
    std::lock_guard lock(mutex_);
    Statement check(db_, "PRAGMA integrity_check", "checking integrity");
    std::string result;
    while (check.step()) result += (result.empty() ? "" : "\n") + check.text(0);
    return result;
}

}  // namespace selfcheck
