#include "server/dashboard/login_throttle.h"

namespace selfcheck::collector {
namespace {

// Above this many tracked keys, keys with no recent failure are dropped, so a flood of
// made-up names cannot grow the map without bound.
constexpr std::size_t kMaxKeys = 10000;

}  // namespace

void LoginThrottle::forget_old(std::deque<Clock::time_point>& times, Clock::time_point now) const {
    while (!times.empty() && now - times.front() >= kWindow) times.pop_front();
}

std::chrono::seconds LoginThrottle::wait_for(const std::string& key, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    const auto found = failures_.find(key);
    if (found == failures_.end()) return std::chrono::seconds(0);
    forget_old(found->second, now);
    if (static_cast<int>(found->second.size()) < kMaxFailures) return std::chrono::seconds(0);
    const auto wait = std::chrono::duration_cast<std::chrono::seconds>(found->second.front() + kWindow - now);
    return std::max(wait, std::chrono::seconds(1));
}

void LoginThrottle::failed(const std::string& key, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    if (failures_.size() >= kMaxKeys) {
        for (auto it = failures_.begin(); it != failures_.end();) {
            forget_old(it->second, now);
            it = it->second.empty() ? failures_.erase(it) : std::next(it);
        }
    }
    std::deque<Clock::time_point>& times = failures_[key];
    times.push_back(now);
    while (static_cast<int>(times.size()) > kMaxFailures) times.pop_front();
}

void LoginThrottle::succeeded(const std::string& key) {
    std::lock_guard lock(mutex_);
    failures_.erase(key);
}

}  // namespace selfcheck::collector
