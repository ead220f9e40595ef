#pragma once
// What the staff panel may see of and ask from whatever sends records: counts and the last
// outcome, never a record.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace selfcheck {

struct SyncStatus {
    size_t queued = 0;       // sealed records waiting to be sent
    size_t rejected = 0;     // refused by the collector; kept, not resent
    size_t sent = 0;         // acknowledged since the kiosk started
    std::string last_error;  // empty after a success
    std::optional<std::chrono::system_clock::time_point> last_success;
    size_t batch_size = 0;   // records in the last batch tried: below the most while the link is bad
    size_t cut_batches = 0;  // batches that stalled or were cut on the way, since the kiosk started
};

class SyncControl {
public:
    virtual ~SyncControl() = default;
    virtual SyncStatus status() const = 0;
    // Staff asked to send now: skip any back-off or random delay (but never a Retry-After
    // the collector asked for).
    virtual void send_now() = 0;
    // Blocks until nothing is queued or the time is up; true when nothing is queued.
    virtual bool wait_until_sent(std::chrono::milliseconds limit) = 0;
};

}  // namespace selfcheck
