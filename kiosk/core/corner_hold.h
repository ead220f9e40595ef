#pragma once
// The staff panel's hidden gesture: a finger held in a screen corner for a few seconds. Not
// discoverable by accident (a tap or a brush is too short) and needs no keyboard.
#include <chrono>
#include <optional>

namespace selfcheck {

class CornerHold {
public:
    using Clock = std::chrono::steady_clock;
    explicit CornerHold(std::chrono::milliseconds hold = std::chrono::seconds(3)) : hold_(hold) {}

    // Each frame: is a finger down inside the corner now? True once, when the hold completes;
    // lifting the finger or leaving the corner starts it over.
    bool update(bool held_in_corner, Clock::time_point now);
    // While a hold is under way: when it will complete (so the event loop wakes then).
    std::optional<Clock::time_point> completes_at() const;

private:
    std::chrono::milliseconds hold_;
    std::optional<Clock::time_point> since_;
    bool fired_ = false;
};

}  // namespace selfcheck
