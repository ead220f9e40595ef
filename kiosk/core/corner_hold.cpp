#include "kiosk/core/corner_hold.h"

namespace selfcheck {

bool CornerHold::update(bool held_in_corner, Clock::time_point now) {
    if (!held_in_corner) {
        since_.reset();
        fired_ = false;
        return false;
    }
    if (!since_) since_ = now;
    if (fired_ || now - *since_ < hold_) return false;
    fired_ = true;  // once per hold: keeping the finger there does not fire again
    return true;
}

std::optional<CornerHold::Clock::time_point> CornerHold::completes_at() const {
    if (!since_ || fired_) return std::nullopt;
    return *since_ + hold_;
}

}  // namespace selfcheck
