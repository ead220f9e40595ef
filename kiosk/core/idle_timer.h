#pragma once
// When nobody has touched the kiosk for a while, ask "Still there?" with a countdown, then
// wipe: an abandoned session must not stay on screen for the next person (or a watcher).
// Pure logic on an injected time, so it is tested without waiting.
#include "kiosk/core/kiosk_defaults.h"

#include <chrono>
#include <optional>

namespace selfcheck {

class IdleTimer {
public:
    using Clock = std::chrono::steady_clock;
    struct Settings {
        std::chrono::seconds prompt_after = defaults::kIdlePromptAfter;  // quiet time before "Still there?"
        std::chrono::seconds countdown = defaults::kIdleCountdown;       // then this long to answer it
    };
    enum class State { Active, Prompting, Expired };

    IdleTimer(Settings settings, Clock::time_point now);

    void touch(Clock::time_point now);  // any input
    State state(Clock::time_point now) const;
    // Whole seconds left on the countdown (rounded up) while prompting; 0 otherwise.
    int seconds_left(Clock::time_point now) const;
    // When what the screen shows will next change by itself (the prompt appearing, the
    // countdown ticking, the wipe), so the event loop can sleep until then.
    Clock::time_point next_change(Clock::time_point now) const;
    const Settings& settings() const { return settings_; }

private:
    Settings settings_;
    Clock::time_point last_touch_;
};

}  // namespace selfcheck
