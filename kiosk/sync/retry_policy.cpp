#include "kiosk/sync/retry_policy.h"

#include <algorithm>

namespace selfcheck {

RetryPolicy::RetryPolicy(Settings settings, std::function<double()> random01)
    : settings_(settings), random01_(std::move(random01)) {}

std::chrono::milliseconds RetryPolicy::after_failure(std::optional<long> retry_after_seconds) {
    const int doublings = std::min(failures_, 30);
    ++failures_;
    const double ceiling =
        std::min(double(settings_.longest.count()), double(settings_.first.count()) * double(1LL << doublings));
    auto wait = std::chrono::milliseconds(static_cast<long long>(ceiling * (0.5 + 0.5 * random01_())));
    if (retry_after_seconds) wait = std::max(wait, retry_after(*retry_after_seconds));
    return wait;
}

std::chrono::milliseconds RetryPolicy::retry_after(long seconds) {
    constexpr long kDay = 24 * 60 * 60;
    return std::chrono::seconds(std::clamp(seconds, 0L, kDay));
}

}  // namespace selfcheck
