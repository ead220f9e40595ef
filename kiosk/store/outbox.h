#pragma once
// The kiosk's private, crash-safe store of sealed records waiting to be sent (issue #5).
// It holds only sealed bytes (the kiosk cannot read them back) and counts; never an answer.
//
// SQLite in WAL mode with synchronous=FULL: add() returns only when the record survives a
// power cut, which is when the kiosk may say "saved". secure_delete overwrites deleted
// records; temp_store=MEMORY keeps sorting and temp tables off the disk.
//
// Caps on count and age keep a kiosk that never syncs from filling its disk. Near a cap the
// counts say so (the staff panel shows it); past a cap the oldest records are dropped, never
// silently: a persistent counter records how many (the staff panel and the next check-in
// show it), the warning stays, and each drop is logged.
//
// A record's age is the time this outbox has been open since the record was queued, measured
// with the monotonic clock and kept across restarts: a wall clock set forward (a tablet 200
// days behind, corrected at the next start) cannot make a record old, and time switched off
// does not count. The date a record was queued is kept only to be shown.
//
// Thread-safe: the UI thread adds, the sync thread reads and acknowledges.
#include "common/sqlite/sqlite_db.h"
#include "kiosk/core/kiosk_defaults.h"
#include "kiosk/store/clock.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace selfcheck {

struct OutboxLimits {
    std::int64_t max_records = defaults::kMaxQueuedRecords;
    int max_age_days = defaults::kMaxQueuedDays;      // days of the outbox being open, not calendar days
    int warn_percent = defaults::kOutboxWarnPercent;  // counts() warns once either cap is this full
};

struct OutboxEntry {
    std::string record_id;
    std::string sealed;  // the sealed box, raw bytes
};

enum class OutboxWarning {
    None,
    CapNear,  // the count or the oldest record's age is at warn_percent of its cap
    Dropped,  // records were dropped to keep within a cap (dropped_total > 0)
};

struct OutboxCounts {
    std::int64_t queued = 0;    // waiting to be sent
    std::int64_t rejected = 0;  // refused by the collector; kept, never resent
    std::int64_t completed_today = 0;
    std::string oldest_pending_date;  // YYYY-MM-DD; empty when nothing waits
    bool cap_near = false;
    std::int64_t dropped_total = 0;  // ever, on this device
    OutboxWarning warning = OutboxWarning::None;
};

struct OutboxOptions {
    OutboxLimits limits;
    std::string vfs;                     // empty: SQLite's default (tests pass a faulty one)
    std::function<std::string()> today;  // YYYY-MM-DD; empty: this device's local date
    const Clock* clock = nullptr;        // ages records; null: system_clock()
    // Where a drop is told, one line each; empty: "kiosk: outbox: ..." on std::cerr.
    std::function<void(const std::string&)> log;
};

class Outbox {
public:
    // Opens or creates the outbox at `path`, migrates it and applies the age cap.
    // Throws StorageError.
    explicit Outbox(const std::filesystem::path& path, OutboxOptions options = {});

    // Stores a sealed record durably. Returns once committed and synced; only then may the
    // kiosk show "saved". Also counts the completion for today. Returns how many of the oldest
    // records a cap made it drop (normally 0). Throws StorageError (disk_full() when it is).
    std::int64_t add(const std::string& record_id, const std::string& sealed);

    // Up to `max` records waiting to be sent, oldest first; never rejected ones.
    std::vector<OutboxEntry> next_batch(size_t max);
    // The collector stored them (or had them already): delete them. Returns how many went.
    std::int64_t acknowledge(const std::vector<std::string>& record_ids);
    // The collector refused it: keep it, marked, and never offer it again.
    void mark_rejected(const std::string& record_id, const std::string& reason);

    OutboxCounts counts();
    // "ok", or SQLite's list of problems.
    std::string integrity_check();
    const std::string& path() const { return db_.path(); }

private:
    void configure();
    std::int64_t enforce_limits();
    std::string today() const;
    // How long this outbox has been open, in all its runs: the clock records age by.
    std::int64_t open_ms() const;
    // Writes open_ms() down when the kept value lags by more than `lag`.
    void keep_open_ms(std::chrono::milliseconds lag);

    OutboxOptions options_;
    const Clock& clock_;
    mutable std::mutex mutex_;
    Database db_;
    std::int64_t open_ms_at_start_ = 0;  // as kept by the previous run
    Clock::TimePoint started_;
    std::int64_t open_ms_kept_ = 0;
};

}  // namespace selfcheck
