#include "record_uploader.h"

#include "http_client.h"

#include <algorithm>

namespace selfcheck {

RecordUploader::RecordUploader(std::string records_url) : url_(std::move(records_url)) {
    worker_ = std::thread([this] { run(); });
}

RecordUploader::~RecordUploader() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

void RecordUploader::enqueue(std::string record_json) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        queue_.push_back(std::move(record_json));
        status_.queued = queue_.size();
    }
    wake_.notify_all();
}

void RecordUploader::send_now() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        send_now_ = true;
    }
    wake_.notify_all();
}

SyncStatus RecordUploader::status() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return status_;
}

bool RecordUploader::wait_until_sent(std::chrono::milliseconds limit) {
    std::unique_lock<std::mutex> lock(mutex_);
    return drained_.wait_for(lock, limit, [this] { return queue_.empty(); });
}

void RecordUploader::run() {
    auto backoff = std::chrono::milliseconds(250);
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
        wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        const std::string record = queue_.front();
        lock.unlock();
        const HttpResponse response = http_post_json(url_, record, std::chrono::seconds(10));
        lock.lock();
        if (response.ok()) {  // 201 stored, or 200 already stored: either way it has arrived
            queue_.pop_front();
            status_.sent++;
            status_.last_error.clear();
            status_.last_success = std::chrono::system_clock::now();
            backoff = std::chrono::milliseconds(250);
            if (queue_.empty()) drained_.notify_all();
        } else {
            status_.last_error = response.status ? "collector answered " + std::to_string(response.status) + ": " + response.body
                                                 : "collector unreachable: " + response.error;
            wake_.wait_for(lock, backoff, [this] { return stopping_ || send_now_; });
            backoff = send_now_ ? std::chrono::milliseconds(250) : std::min(backoff * 2, std::chrono::milliseconds(30000));
            send_now_ = false;
        }
        status_.queued = queue_.size();
    }
}

}  // namespace selfcheck
