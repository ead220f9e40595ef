#pragma once
// The time the sync worker and the outbox caps go by, behind an interface so tests can drive
// it: hours offline, or a record ageing for months, pass in a test's milliseconds.
//
// now() is monotonic: it never steps, so waits and ages measured with it cannot be cut short
// or stretched by the wall clock being set (a tablet whose clock was 200 days behind, then
// corrected). wall() may step; it is for dates and times people read.
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace selfcheck {

class Clock {
public:
    using TimePoint = std::chrono::steady_clock::time_point;
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
    virtual std::chrono::system_clock::time_point wall() const = 0;
    // Waits on `wake` (with `lock` held) until now() reaches `deadline` or `wake` is notified.
    // May return early: callers look at their condition and the time again.
    virtual void wait_until(std::unique_lock<std::mutex>& lock, std::condition_variable& wake,
                            TimePoint deadline) const = 0;
};

// std::chrono::steady_clock and system_clock.
const Clock& system_clock();

}  // namespace selfcheck
