#include "kiosk/sync/sync_worker.h"

#include "common/sqlite/storage_error.h"
#include "kiosk/core/http_client.h"
#include "kiosk/sync/batch_protocol.h"
#include "kiosk/sync/network_watch.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace selfcheck {

using Clock = std::chrono::steady_clock;

SyncWorker::SyncWorker(Outbox& outbox, SyncSettings settings)
    : outbox_(outbox),
      settings_(std::move(settings)),
      random_(std::random_device{}()),
      retry_(settings_.retry, [this] { return std::uniform_real_distribution<double>(0, 1)(random_); }),
      batch_size_(std::max<size_t>(1, settings_.batch_size)) {
    if (!settings_.interfaces_up) settings_.interfaces_up = [] { return interfaces_up(); };
    // Whatever waited from before a restart goes after the usual random delay.
    next_attempt_ = Clock::now() + random_between(settings_.min_delay, settings_.max_delay);
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

std::chrono::milliseconds SyncWorker::random_between(std::chrono::milliseconds low, std::chrono::milliseconds high) {
    if (high <= low) return low;
    return std::chrono::milliseconds(std::uniform_int_distribution<long long>(low.count(), high.count())(random_));
}

void SyncWorker::record_added() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        next_attempt_ =
            std::min(next_attempt_, Clock::now() + random_between(settings_.min_delay, settings_.max_delay));
    }
    wake_.notify_all();
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
    return status;
}

bool SyncWorker::wait_until_sent(std::chrono::milliseconds limit) {
    const auto deadline = Clock::now() + limit;
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
        if (round_done_.wait_until(lock, deadline) == std::cv_status::timeout) return !in_round_ && nothing_queued();
    }
    return true;
}

void SyncWorker::run() {
    std::set<std::string> interfaces = settings_.interfaces_up();
    auto next_network_check = Clock::now() + settings_.network_check;
    bool network_back = false;
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
        auto now = Clock::now();
        if (now >= next_network_check) {
            lock.unlock();
            const auto up = settings_.interfaces_up();
            lock.lock();
            if (network_came_up(interfaces, up) && retry_.failures() > 0)
                network_back = true;  // back online: no need to wait
            interfaces = up;
            now = Clock::now();
            next_network_check = now + settings_.network_check;
        }
        // Send now and a network coming back skip the back-off, never a Retry-After. The due
        // time is worked out afresh after every wake-up, as send_now() may have moved it.
        const auto due = std::max(not_before_, (send_now_ || network_back) ? now : next_attempt_);
        if (now < due) {
            wake_.wait_until(lock, std::min(due, next_network_check));
            continue;
        }
        send_now_ = false;
        network_back = false;
        in_round_ = true;

        lock.unlock();
        const RoundOutcome outcome = send_everything();
        if (outcome.ok) check_in();
        lock.lock();
        const auto finished = Clock::now();
        if (outcome.ok) {
            retry_.reset();
            next_attempt_ = finished + settings_.poll_interval;
        } else {
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
    try {
        for (bool more = true; more;) {
            if (stopping()) return {};  // shutting down: the rest waits, safe in the outbox
            std::vector<OutboxEntry> batch = outbox_.next_batch(batch_size_);
            if (batch.empty()) break;
            more = batch.size() == batch_size_;
            const RoundOutcome outcome = send_batch(std::move(batch), more);
            if (!outcome.ok) return outcome;
        }
    } catch (const StorageError& e) {
        fail(std::string("outbox: ") + e.what());
        return {};
    }
    std::lock_guard<std::mutex> lock(mutex_);
    last_error_.clear();
    last_success_ = std::chrono::system_clock::now();
    return {true, std::nullopt};
}

SyncWorker::RoundOutcome SyncWorker::send_batch(std::vector<OutboxEntry> batch, bool& more) {
    {
        // record_added() draws from random_ on the UI thread, under the same lock.
        std::lock_guard<std::mutex> lock(mutex_);
        std::shuffle(batch.begin(), batch.end(), random_);  // arrival order says nothing of use order
    }
    const HttpResponse response = http_post_json(settings_.collector_url + "/api/v1/batches", batch_request_json(batch),
                                                 settings_.http_timeout, settings_.device_token);
    if (response.status == 0) {
        fail("collector unreachable: " + response.error);
        return {};
    }
    if (response.status == 413) {  // too big for the collector: smaller batches, or refuse the one record
        if (batch.size() == 1) outbox_.mark_rejected(batch.front().record_id, "larger than the collector accepts");
        batch_size_ = std::max<size_t>(1, batch.size() / 2);
        more = true;
        return {true, std::nullopt};
    }
    if (response.status == 401) {
        fail("the collector refused this device's token (revoked, or the config is wrong)");
        return {};
    }
    if (response.status != 200) {
        fail("collector answered " + std::to_string(response.status) + ": " + response.body.substr(0, 200));
        return {false, response.retry_after_seconds};
    }
    std::vector<RecordVerdict> verdicts;
    try {
        verdicts = parse_batch_reply(response.body, batch);
    } catch (const std::exception& e) {
        fail(std::string("collector's answer not understood: ") + e.what());
        return {};
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
    {
        std::lock_guard<std::mutex> lock(mutex_);
        sent_ += size_t(acknowledged);
    }
    // Records left unanswered stay queued; going on would fetch the same batch again at once,
    // forever, so the round ends and backs off.
    if (answered.size() < batch.size()) {
        fail("the collector left " + std::to_string(batch.size() - answered.size()) + " of " +
             std::to_string(batch.size()) + " records unanswered");
        return {};
    }
    return {true, std::nullopt};
}

// Tells the collector how this device is doing: counts and versions, never an answer.
void SyncWorker::check_in() {
    SyncStatus now = status();
    const nlohmann::json body = {{"queue_size", now.queued},
                                 {"rejected", now.rejected},
                                 {"last_error", now.last_error},
                                 {"content_version", settings_.content_version},
                                 {"app_version", settings_.app_version}};
    http_post_json(settings_.collector_url + "/api/v1/checkin", body.dump(), settings_.http_timeout,
                   settings_.device_token);
}

}  // namespace selfcheck
