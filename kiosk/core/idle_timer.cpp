#include "kiosk/core/idle_timer.h"

namespace selfcheck {

IdleTimer::IdleTimer(Settings settings, Clock::time_point now) : settings_(settings), last_touch_(now) {}

void IdleTimer::touch(Clock::time_point now) { last_touch_ = now; }

IdleTimer::State IdleTimer::state(Clock::time_point now) const {
    const auto quiet = now - last_touch_;
    if (quiet < settings_.prompt_after) return State::Active;
    if (quiet < settings_.prompt_after + settings_.countdown) return State::Prompting;
    return State::Expired;
}

int IdleTimer::seconds_left(Clock::time_point now) const {
    if (state(now) != State::Prompting) return 0;
    const auto left = last_touch_ + settings_.prompt_after + settings_.countdown - now;
    return int(std::chrono::ceil<std::chrono::seconds>(left).count());
}

IdleTimer::Clock::time_point IdleTimer::next_change(Clock::time_point now) const {
    const auto prompt = last_touch_ + settings_.prompt_after;
    if (now < prompt) return prompt;
    const auto expiry = prompt + settings_.countdown;
    if (now >= expiry) return now;
    // The next whole second of the countdown.
    const auto left = std::chrono::ceil<std::chrono::seconds>(expiry - now);
    return expiry - (left - std::chrono::seconds(1));
}

}  // namespace selfcheck
