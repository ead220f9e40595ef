#pragma once
// Kiosks known to the collector, and what they last said about themselves.

#include "protocol/record/checkin.h"

#include <cstdint>
#include <optional>
#include <string>

namespace selfcheck::collector {

struct Device {
    std::string device_id;   // "d" + 11 hex characters, from new_device_id()
    std::string site;        // the site its records must name
    std::string created_at;  // UTC, "YYYY-MM-DDTHH:MM:SSZ"
    std::string revoked_at;  // empty while the device may post
    bool revoked() const { return !revoked_at.empty(); }
};

// The body of POST /api/v1/checkin (protocol/record/checkin.h), plus when it arrived. Only
// the latest is kept.
struct CheckIn : selfcheck::CheckIn {
    std::string received_at;  // UTC, "YYYY-MM-DDTHH:MM:SSZ"
};

struct DeviceStatus {
    Device device;
    std::optional<CheckIn> last_checkin;
    // When a batch from it was last stored (records new or already held); empty: never. With
    // the check-in's received_at, queue_size and oldest_queued_on it tells a device that is
    // checking in but not delivering.
    std::string last_delivery_at;
};

}  // namespace selfcheck::collector
