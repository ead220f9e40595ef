#include "kiosk/sync/sync_worker.h"

#include "common/sqlite/storage_error.h"
#include "kiosk/sync/batch_protocol.h"
#include "kiosk/sync/network_watch.h"
#include "protocol/record/checkin.h"

#include <algorithm>

namespace selfcheck {

using Ms = std::chrono::milliseconds;

SyncWorker::SyncWorker(Outbox& outbox, SyncSettings settings)
    : outbox_(outbox),
      settings_(std::move(settings)),
      clock_(settings_.clock ? *settings_.clock : system_clock()),
      http_(settings_.http),
      sizer_(settings_.batch_size, settings_.grow_below),
      random_(std::random_device{}()),
      retry_(settings_.retry, [this] { return std::uniform_real_distribution<double>(0, 1)(random_); }) {
    if (!settings_.interfaces_up) settings_.interfaces_up = [] { return interfaces_up(); };
    // Whatever waited from before a restart goes after the usual random delay.
    next_attempt_ = clock_.now() + random_between(settings_.min_delay, settings_.max_delay);
    thread_ = std::thread([this] { run(); });
}

SyncWorker::~SyncWorker() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

Ms SyncWorker::random_between(Ms low, Ms high) {
    if (high <= low) return low;
    return Ms(std::uniform_int_distribution<long long>(low.count(), high.count())(random_));
}

void SyncWorker::record_added() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        next_attempt_ =
            std::min(next_attempt_, clock_.now() + random_between(settings_.min_delay, settings_.max_delay));
    }
    wake_.notify_all();
}

void SyncWorker::set_content_version(std::string content_version) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        settings_.content_version = std::move(content_version);
    }
    send_now();  // the collector hears of the switch at once
}

void SyncWorker::send_now() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        send_now_ = true;
    }
    wake_.notify_all();
}

SyncStatus SyncWorker::status() const {
    SyncStatus status;
    try {
        const OutboxCounts counts = outbox_.counts();
        status.queued = size_t(counts.queued);
        status.rejected = size_t(counts.rejected);
    } catch (const StorageError& e) {
        status.last_error = e.what();
    }
    std::lock_guard<std::mutex> lock(mutex_);
    status.sent = sent_;
    if (status.last_error.empty()) status.last_error = last_error_;
    status.last_success = last_success_;
    status.batch_size = batch_size_now_;
    status.cut_batches = cut_batches_;
    return status;
}

bool SyncWorker::wait_until_sent(Ms limit) {
    const auto deadline = clock_.now() + limit;
    send_now();
    std::unique_lock<std::mutex> lock(mutex_);
    auto nothing_queued = [this] {
        try {
            return outbox_.counts().queued == 0;
        } catch (const StorageError&) {
            return false;
        }
    };
    // Between rounds only: mid-round the queue can be empty while last_error still holds the
    // failure that the round is about to clear.
    while (in_round_ || !nothing_queued()) {
        if (clock_.now() >= deadline) return false;
        clock_.wait_until(lock, round_done_, deadline);
    }
    return true;
}

void SyncWorker::run() {
    std::set<std::string> interfaces = settings_.interfaces_up();
    auto next_network_check = clock_.now() + settings_.network_check;
    bool network_back = false;
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
        auto now = clock_.now();
        if (now >= next_network_check) {
            lock.unlock();
            const auto up = settings_.interfaces_up();
            lock.lock();
            if (network_came_up(interfaces, up) && retry_.failures() > 0)
                network_back = true;  // back online: no need to wait
            interfaces = up;
            now = clock_.now();
            next_network_check = now + settings_.network_check;
        }
        // Send now and a network coming back skip the back-off, never a Retry-After. The due
        // time is worked out afresh after every wake-up, as send_now() may have moved it.
        const auto due = std::max(not_before_, (send_now_ || network_back) ? now : next_attempt_);
        if (now < due) {
            clock_.wait_until(lock, wake_, std::min(due, next_network_check));
            continue;
        }
        send_now_ = false;
        network_back = false;
        in_round_ = true;

        lock.unlock();
        const RoundOutcome outcome = send_everything();
        if (outcome.ok && settings_.content && !stopping())
            settings_.content->fetch(http_, settings_.collector_url, settings_.device_token);
        if (!stopping()) check_in();  // failed rounds too: a kiosk in trouble is heard
        lock.lock();
        const auto finished = clock_.now();
        if (outcome.ok) {
            retry_.reset();
            next_attempt_ = finished + settings_.poll_interval;
        } else {
            if (outcome.progress) retry_.reset();  // the link works, if badly: try again soon
            next_attempt_ = finished + retry_.after_failure(outcome.retry_after_seconds);
            if (outcome.retry_after_seconds)
                not_before_ = finished + RetryPolicy::retry_after(*outcome.retry_after_seconds);
        }
        in_round_ = false;
        lock.unlock();
        round_done_.notify_all();
        if (settings_.on_change) settings_.on_change();
        lock.lock();
    }
}

void SyncWorker::fail(const std::string& why) {
    std::lock_guard<std::mutex> lock(mutex_);
    last_error_ = why;
}

bool SyncWorker::stopping() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return stopping_;
}

SyncWorker::RoundOutcome SyncWorker::send_everything() {
    RoundOutcome round;
    try {
        while (true) {
            if (stopping()) return round;  // shutting down: the rest waits, safe in the outbox
            std::vector<OutboxEntry> batch = outbox_.next_batch(sizer_.size());
            if (batch.empty()) break;
            const BatchResult result = send_batch(std::move(batch), round);
            if (result == BatchResult::Failed) return round;
        }
    } catch (const StorageError& e) {
        fail(std::string("outbox: ") + e.what());
        return round;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    last_error_.clear();
    last_success_ = clock_.wall();
    round.ok = true;
    return round;
}

SyncWorker::BatchResult SyncWorker::send_batch(std::vector<OutboxEntry> batch, RoundOutcome& round) {
    {
        // record_added() draws from random_ on the UI thread, under the same lock.
        std::lock_guard<std::mutex> lock(mutex_);
        std::shuffle(batch.begin(), batch.end(), random_);  // arrival order says nothing of use order
        batch_size_now_ = sizer_.size();
    }
    const auto started = clock_.now();
    const HttpResponse response =
        http_.post_json(settings_.collector_url + "/api/v1/batches", batch_request_json(batch), settings_.device_token);
    const auto took = std::chrono::duration_cast<Ms>(clock_.now() - started);
    // Too slow or cut on the way: the link is worse than this batch size. Half as many at
    // once, unless it was one record already, when the round backs off.
    // Collectors before 0.2 answered a stalled upload 400 "body: could not be read": that
    // too is the link, not a malformed batch.
    const bool old_collector_cut =
        response.status == 400 && response.body.find("body: could not be read") != std::string::npos;
    const bool link_failed = response.failure == HttpResponse::Failure::Stalled ||
                             response.failure == HttpResponse::Failure::ConnectionLost || response.status == 408 ||
                             old_collector_cut;
    if (link_failed) {
        fail("the link to the collector failed with " + std::to_string(batch.size()) + " records in one batch (" +
             (response.status ? "HTTP " + std::to_string(response.status) : response.error) + ")");
        const bool was_smallest = batch.size() == 1;
        sizer_.timed_out();
        {
            std::lock_guard<std::mutex> lock(mutex_);
            ++cut_batches_;
        }
        return was_smallest ? BatchResult::Failed : BatchResult::Retry;
    }
    if (response.status == 0) {
        fail("collector unreachable: " + response.error);
        return BatchResult::Failed;
    }
    if (response.status == 413) {  // too big for the collector: smaller batches, or refuse the one record
        if (batch.size() == 1) outbox_.mark_rejected(batch.front().record_id, "larger than the collector accepts");
        sizer_.too_large(batch.size());
        return BatchResult::Retry;
    }
    if (response.status == 401) {
        fail("the collector refused this device's token (revoked, or the config is wrong)");
        return BatchResult::Failed;
    }
    if (response.status != 200) {
        fail("collector answered " + std::to_string(response.status) + ": " + response.body.substr(0, 200));
        round.retry_after_seconds = response.retry_after_seconds;
        return BatchResult::Failed;
    }
    std::vector<RecordVerdict> verdicts;
    try {
        verdicts = parse_batch_reply(response.body, batch);
    } catch (const std::exception& e) {
        fail(std::string("collector's answer not understood: ") + e.what());
        return BatchResult::Failed;
    }
    std::vector<std::string> arrived;
    std::set<std::string> answered;
    for (const auto& verdict : verdicts) {
        answered.insert(verdict.record_id);
        if (verdict.status == RecordVerdict::Status::Rejected)
            outbox_.mark_rejected(verdict.record_id, verdict.reason);
        else
            arrived.push_back(verdict.record_id);
    }
    const std::int64_t acknowledged = outbox_.acknowledge(arrived);
    round.progress = true;
    sizer_.got_through(took);
    {
        std::lock_guard<std::mutex> lock(mutex_);
        sent_ += size_t(acknowledged);
    }
    // Records left unanswered stay queued; going on would fetch the same batch again at once,
    // forever, so the round ends and backs off.
    if (answered.size() < batch.size()) {
        fail("the collector left " + std::to_string(batch.size() - answered.size()) + " of " +
             std::to_string(batch.size()) + " records unanswered");
        return BatchResult::Failed;
    }
    return BatchResult::Sent;
}

// Tells the collector how this device is doing: counts, dates and versions, never an answer.
// Over a bad link every request costs, so one that tells nothing new (the same drops, the
// error still there or still gone, the queue still empty or not) waits for
// settings_.checkin_every after the last one the collector took.
void SyncWorker::check_in() {
    CheckIn checkin;
    try {
        const OutboxCounts counts = outbox_.counts();
        checkin.queue_size = counts.queued;
        checkin.rejected = counts.rejected;
        checkin.dropped = counts.dropped_total;
        checkin.oldest_queued_on = counts.oldest_pending_date;
    } catch (const StorageError& e) {
        fail(std::string("outbox: ") + e.what());
    }
    {
        std::lock_guard<std::mutex> lock(mutex_);
        checkin.last_error = last_error_;
        checkin.content_version = settings_.content_version;
    }
    if (checkin.last_error.empty() && settings_.content)
        if (const std::string refusal = settings_.content->refusal(); !refusal.empty())
            checkin.last_error = "content bundle refused: " + refusal;
    checkin.app_version = settings_.app_version;
    const std::string news = std::to_string(checkin.dropped) + (checkin.last_error.empty() ? "/ok" : "/failing") +
                             (checkin.queue_size == 0 ? "/empty" : "/waiting") + "/" + checkin.content_version;
    const auto now = clock_.now();
    if (checked_in_ && news == last_checkin_news_ && now - last_checkin_at_ < settings_.checkin_every) return;
    const HttpResponse response =
        http_.post_json(settings_.collector_url + "/api/v1/checkin", checkin_to_json(checkin), settings_.device_token);
    if (!response.ok()) return;  // the next round says it again
    checked_in_ = true;
    last_checkin_news_ = news;
    last_checkin_at_ = now;
}

}  // namespace selfcheck
