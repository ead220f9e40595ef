#pragma once
// systemd's service watchdog, fed from the kiosk's frame loop. Under a unit with
// Type=notify and WatchdogSec=, systemd restarts the kiosk when the loop stops reporting.
// Outside systemd (NOTIFY_SOCKET unset: development, tests, headless walks) every call is
// a no-op.
#include <chrono>

namespace selfcheck::platform {

class Watchdog {
public:
    Watchdog();  // reads NOTIFY_SOCKET and WATCHDOG_USEC (via sd_watchdog_enabled)

    bool notifying() const { return notifying_; }
    bool watchdog_enabled() const { return interval_.count() > 0; }

    // READY=1: the first frame is on screen (Type=notify units count as started from here).
    void ready();
    // WATCHDOG=1 when a ping is due (at most every interval/4), so calling it on every loop
    // turn costs nothing when events stream in.
    void ping();
    // STOPPING=1 before a clean exit.
    void stopping();

    // How long the event loop may sleep so the next ping is sent on time: `limit_ms`
    // (-1: forever) capped to the time left until half the watchdog interval has passed
    // since the last ping. Returns limit_ms unchanged when there is no watchdog.
    int sleep_limit_ms(int limit_ms) const;

private:
    bool notifying_ = false;
    std::chrono::microseconds interval_{0};  // WatchdogSec=, 0: none
    std::chrono::steady_clock::time_point last_ping_{};
};

}  // namespace selfcheck::platform
