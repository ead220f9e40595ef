#pragma once
// Sends completed records to the collector from its own thread, so a slow or dead network
// never blocks a frame. Walking-skeleton scope: the queue is in memory; the durable, sealed
// outbox replaces it with the private store.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace selfcheck {

struct UploadStatus {
    size_t queued = 0;
    size_t sent = 0;
    std::string last_error;  // empty after a success
    std::optional<std::chrono::system_clock::time_point> last_success;
};

class RecordUploader {
public:
    // `records_url` e.g. http://127.0.0.1:8080/api/v1/records
    explicit RecordUploader(std::string records_url);
    ~RecordUploader();  // stops the thread; unsent records stay unsent (and are reported)
    RecordUploader(const RecordUploader&) = delete;
    RecordUploader& operator=(const RecordUploader&) = delete;

    void enqueue(std::string record_json);
    // Staff asked to send now: skip the rest of any back-off wait.
    void send_now();
    UploadStatus status() const;
    // Blocks until the queue is empty or the time is up; true when empty.
    bool wait_until_sent(std::chrono::milliseconds limit);

private:
    void run();

    std::string url_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable drained_;
    std::deque<std::string> queue_;
    UploadStatus status_;
    bool stopping_ = false;
    bool send_now_ = false;
    std::thread worker_;
};

}  // namespace selfcheck
