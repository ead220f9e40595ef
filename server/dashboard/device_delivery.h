#pragma once
// Whether a kiosk's records are getting through (issue #15): a kiosk that checks in with
// records waiting, none of which has waited less than a day, and from which no batch has
// been stored for a day, is not delivering: it is on and reachable enough to check in, but
// its uploads fail. The dashboard's device list shows it so.

#include "server/store/device.h"

#include <chrono>

namespace selfcheck::collector {

enum class Delivery {
    NeverCheckedIn,  // nothing heard from it yet
    NothingWaiting,  // its last check-in had an empty queue
    Delivering,      // records wait, but a batch got through within the day (or they are new)
    NotDelivering,   // records have waited a day or more and no batch has arrived for a day
};

inline constexpr std::chrono::hours kNotDeliveringAfter{24};

// `now` is the collector's clock; check-in and delivery times are its own UTC timestamps, the
// oldest queued date the kiosk's Hong Kong date.
Delivery delivery_of(const DeviceStatus& status, std::chrono::system_clock::time_point now);

}  // namespace selfcheck::collector
