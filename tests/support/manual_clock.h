#pragma once
// A Clock (kiosk/store/clock.h) that moves only when the test says: advance() moves the
// monotonic time (and the wall clock with it), step_wall() sets the wall clock alone, as
// an NTP correction would. Waiters are woken by advance(); between advances they look
// again every millisecond of real time, so code that waits on it needs no change.
#include "kiosk/store/clock.h"

#include <atomic>
#include <chrono>

namespace selfcheck::testing {

class ManualClock final : public Clock {
public:
    TimePoint now() const override { return TimePoint(std::chrono::nanoseconds(monotonic_.load())); }
    std::chrono::system_clock::time_point wall() const override {
        return std::chrono::system_clock::time_point(
            std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::nanoseconds(wall_.load())));
    }
    void wait_until(std::unique_lock<std::mutex>& lock, std::condition_variable& wake,
                    TimePoint deadline) const override {
        if (now() < deadline) wake.wait_for(lock, std::chrono::milliseconds(1));
    }

    void advance(std::chrono::nanoseconds by) {
        monotonic_ += by.count();
        wall_ += by.count();
    }
    void step_wall(std::chrono::nanoseconds by) { wall_ += by.count(); }

private:
    // Starts a day after the epoch of the steady clock, on 2026-11-22 for the wall clock.
    std::atomic<long long> monotonic_{std::chrono::nanoseconds(std::chrono::hours(24)).count()};
    std::atomic<long long> wall_{std::chrono::nanoseconds(std::chrono::seconds(1795305600)).count()};
};

}  // namespace selfcheck::testing
