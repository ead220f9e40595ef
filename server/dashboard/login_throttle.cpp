#include "server/dashboard/login_throttle.h"

#include "server/store/record_store.h"

namespace selfcheck::collector {

LoginAttempt LoginThrottle::begin(const std::string& user, const std::string& client,
                                  std::chrono::system_clock::time_point now) {
    // Names are cut to the longest a user may have, so a long made-up one makes no huge key.
    const std::string name = user.substr(0, 64);
    const std::vector<LoginLimit> limits = {
        {"account:" + name + "@" + client, kPerAccountAndClient},
        {"client:" + client, kPerClient},
        {"account:" + name, kPerAccount},
    };
    const auto unix_now = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    const std::int64_t wait =
        store_.begin_login_attempt(limits, unix_now, std::chrono::duration_cast<std::chrono::seconds>(kWindow).count());
    LoginAttempt attempt;
    attempt.wait = std::chrono::seconds(wait);
    if (wait == 0) {
        for (const LoginLimit& limit : limits) attempt.keys.push_back(limit.key);
    }
    return attempt;
}

void LoginThrottle::succeeded(const LoginAttempt& attempt) {
    for (const std::string& key : attempt.keys) store_.clear_login_failure(key);
}

}  // namespace selfcheck::collector
