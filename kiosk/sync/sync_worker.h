#pragma once
// Sends the outbox's sealed records to the collector from a thread of its own, so a slow or
// dead network never blocks a frame (docs/protocol.md, "Submitting a batch").
//
// - At least once from here, exactly once in effect: a record leaves the outbox only when
//   the collector answered "stored" or "duplicate" for it; the collector is idempotent by
//   record id, so a batch resent after a lost answer stores nothing twice.
// - A fresh record is sent after a random delay, and each batch is shuffled, so neither the
//   arrival time nor the order points at when someone used the kiosk.
// - Failures back off exponentially with jitter and honour Retry-After (429, 503). A timer
//   tries again now and then, a network coming back tries at once, and staff can send now;
//   nothing, not even send now, goes before a Retry-After is over: the collector asked.
// - Through a bad link (issue #15): a request is given up only when nothing moves
//   (HttpClient), one connection is reused, and the batch size follows what gets through
//   (BatchSizer). A batch that timed out or was cut is tried again at once at half the size;
//   a round that acknowledged anything starts the back-off afresh.
// - Every round ends with a check-in, failed rounds too: the queue, the drops, the oldest
//   waiting date and the last error, so the collector hears of a kiosk in trouble.
// - A round that got through also fetches the newest content bundle (ContentFetch), when
//   the kiosk pins a publisher key; a bundle refused is said in the check-in's last_error
//   while nothing else is wrong.
// - All timing goes by a Clock (kiosk/store/clock.h), so tests can drive hours offline.
#include "kiosk/core/http_client.h"
#include "kiosk/core/kiosk_defaults.h"
#include "kiosk/core/sync_control.h"
#include "kiosk/store/clock.h"
#include "kiosk/store/outbox.h"
#include "kiosk/sync/batch_sizer.h"
#include "kiosk/sync/content_fetch.h"
#include "kiosk/sync/retry_policy.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>

namespace selfcheck {

struct SyncSettings {
    std::string collector_url;  // e.g. https://collector.example.org
    std::string device_token;
    std::string content_version;      // reported at check-in; set_content_version() after a switch
    ContentFetch* content = nullptr;  // null: no content updates; must outlive the worker
    std::string app_version;
    size_t batch_size = defaults::kSyncMaxBatch;  // the most; fewer while the link is bad
    HttpLimits http{defaults::kSyncConnectTimeout, defaults::kSyncStallTimeout};
    std::chrono::milliseconds grow_below = defaults::kSyncGrowBelow;
    std::chrono::milliseconds checkin_every = defaults::kSyncCheckInEvery;
    std::chrono::milliseconds poll_interval = defaults::kSyncPollInterval;  // try now and then even without news
    std::chrono::milliseconds min_delay = defaults::kSyncMinDelay;          // a fresh record waits at random
    std::chrono::milliseconds max_delay = defaults::kSyncMaxDelay;          // between these two
    RetryPolicy::Settings retry;
    std::chrono::milliseconds network_check{5000};
    std::function<std::set<std::string>()> interfaces_up;  // empty: /sys/class/net
    std::function<void()> on_change;                       // called from the worker after each round
    const Clock* clock = nullptr;                          // null: system_clock()
};

class SyncWorker : public SyncControl {
public:
    // `outbox` must outlive the worker.
    SyncWorker(Outbox& outbox, SyncSettings settings);
    ~SyncWorker() override;  // stops after the request in flight; nothing is lost
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    // A record was just added: send it after a random delay.
    void record_added();
    void send_now() override;
    // The content now shown (KioskApp switched to a bundle), for the next check-in.
    void set_content_version(std::string content_version);
    SyncStatus status() const override;
    // True once nothing is queued and no round is under way, so status() then shows the
    // round's outcome (last_error cleared) rather than a state from the middle of it.
    bool wait_until_sent(std::chrono::milliseconds limit) override;

private:
    struct RoundOutcome {
        bool ok = false;
        std::optional<long> retry_after_seconds;
        bool progress = false;  // some batch was acknowledged
    };
    enum class BatchResult { Sent, Retry, Failed };
    void run();
    RoundOutcome send_everything();
    BatchResult send_batch(std::vector<OutboxEntry> batch, RoundOutcome& round);
    void check_in();
    void fail(const std::string& why);
    bool stopping() const;
    std::chrono::milliseconds random_between(std::chrono::milliseconds low, std::chrono::milliseconds high);

    Outbox& outbox_;
    SyncSettings settings_;
    const Clock& clock_;
    HttpClient http_;  // the sync thread's only
    BatchSizer sizer_;
    bool checked_in_ = false;        // the collector took a check-in since the worker started
    std::string last_checkin_news_;  // what the last one it took said, in short, and when
    Clock::TimePoint last_checkin_at_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable round_done_;
    std::mt19937_64 random_;
    RetryPolicy retry_;
    Clock::TimePoint next_attempt_;
    Clock::TimePoint not_before_;  // the end of the last Retry-After
    size_t sent_ = 0;
    size_t batch_size_now_ = 0;
    size_t cut_batches_ = 0;
    std::string last_error_;
    std::optional<std::chrono::system_clock::time_point> last_success_;
    bool send_now_ = false;
    bool in_round_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace selfcheck
