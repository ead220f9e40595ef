#pragma once
// How long to wait after a failed send: exponential back-off with jitter, so a fleet of
// kiosks that lost the collector together do not all return in the same second; never
// sooner than the collector's own Retry-After.
#include <chrono>
#include <functional>
#include <optional>

namespace selfcheck {

class RetryPolicy {
public:
    struct Settings {
        std::chrono::milliseconds first{2000};
        std::chrono::milliseconds longest{10 * 60 * 1000};
    };
    // `random01` gives numbers in [0, 1); tests pass a fixed one.
    RetryPolicy(Settings settings, std::function<double()> random01);

    // The wait before the next try, after one more failure. Grows 2x per failure up to
    // `longest`; the jitter keeps it between half and all of that.
    std::chrono::milliseconds after_failure(std::optional<long> retry_after_seconds);
    // Retry-After as a wait, clamped to [0, a day]: a broken proxy's huge value must neither
    // overflow the clock nor silence a kiosk for good.
    static std::chrono::milliseconds retry_after(long seconds);
    void reset() { failures_ = 0; }
    int failures() const { return failures_; }

private:
    Settings settings_;
    std::function<double()> random01_;
    int failures_ = 0;
};

}  // namespace selfcheck
