#include "kiosk/platform/watchdog.h"

#include <systemd/sd-daemon.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace selfcheck::platform {

Watchdog::Watchdog() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    notifying_ = socket != nullptr && *socket != '\0';
    if (!notifying_) return;
    uint64_t usec = 0;
    // 0 for unset, no watchdog for this process (WATCHDOG_PID names another), or an error.
    if (sd_watchdog_enabled(0, &usec) > 0) interval_ = std::chrono::microseconds(usec);
}

void Watchdog::ready() {
    if (!notifying_) return;
    sd_notify(0, "READY=1");
    if (watchdog_enabled()) {
        sd_notify(0, "WATCHDOG=1");
        last_ping_ = std::chrono::steady_clock::now();
    }
}

void Watchdog::ping() {
    if (!watchdog_enabled()) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ping_ < interval_ / 4) return;
    sd_notify(0, "WATCHDOG=1");
    last_ping_ = now;
}

void Watchdog::stopping() {
    if (notifying_) sd_notify(0, "STOPPING=1");
}

int Watchdog::sleep_limit_ms(int limit_ms) const {
    if (!watchdog_enabled()) return limit_ms;
    const auto due = last_ping_ + interval_ / 2;
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(due - std::chrono::steady_clock::now());
    const int left_ms = int(std::max<long long>(0, left.count()));
    return limit_ms < 0 ? left_ms : std::min(limit_ms, left_ms);
}

}  // namespace selfcheck::platform
