#include "kiosk/store/clock.h"

namespace selfcheck {
namespace {

class SystemClock final : public Clock {
public:
    TimePoint now() const override { return std::chrono::steady_clock::now(); }
    std::chrono::system_clock::time_point wall() const override { return std::chrono::system_clock::now(); }
    void wait_until(std::unique_lock<std::mutex>& lock, std::condition_variable& wake,
                    TimePoint deadline) const override {
        wake.wait_until(lock, deadline);
    }
};

}  // namespace

const Clock& system_clock() {
    static const SystemClock clock;
    return clock;
}

}  // namespace selfcheck
