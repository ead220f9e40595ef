#pragma once
// Login rate limiting, in memory: after kMaxFailures failed logins within kWindow for one
// client address or one user name, further attempts are refused until the oldest failure
// leaves the window. Per collector process (several collectors each keep their own).

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace selfcheck::collector {

class LoginThrottle {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr int kMaxFailures = 5;
    static constexpr std::chrono::minutes kWindow{15};

    // Zero when `key` may try now; otherwise how long until it may.
    std::chrono::seconds wait_for(const std::string& key, Clock::time_point now);
    void failed(const std::string& key, Clock::time_point now);
    void succeeded(const std::string& key);

private:
    void forget_old(std::deque<Clock::time_point>& times, Clock::time_point now) const;

    std::mutex mutex_;
    std::map<std::string, std::deque<Clock::time_point>> failures_;
};

}  // namespace selfcheck::collector
