#pragma once
// Sends completed records to the collector from its own thread, so a slow or dead network
// never blocks a frame. Walking-skeleton scope: the queue is in memory; the durable, sealed
// outbox replaces it with the private store.
#include "sync_control.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace selfcheck {

class RecordUploader : public SyncControl {
public:
    // `records_url` e.g. http://127.0.0.1:8080/api/v1/records
    explicit RecordUploader(std::string records_url);
    ~RecordUploader() override;  // stops the thread; unsent records stay unsent (and are reported)
    RecordUploader(const RecordUploader&) = delete;
    RecordUploader& operator=(const RecordUploader&) = delete;

    void enqueue(std::string record_json);
    void send_now() override;
    SyncStatus status() const override;
    bool wait_until_sent(std::chrono::milliseconds limit) override;

private:
    void run();

    std::string url_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable drained_;
    std::deque<std::string> queue_;
    SyncStatus status_;
    bool stopping_ = false;
    bool send_now_ = false;
    std::thread worker_;
};

}  // namespace selfcheck
