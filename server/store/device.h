#pragma once
// Kiosks known to the collector, and what they last said about themselves.

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

// The body of POST /api/v1/checkin, plus when it arrived. Only the latest is kept.
struct CheckIn {
    std::string received_at;
    std::int64_t queue_size = 0;
    std::int64_t rejected = 0;
    std::string last_error;
    std::string content_version;
    std::string app_version;
};

struct DeviceStatus {
    Device device;
    std::optional<CheckIn> last_checkin;
};

}  // namespace selfcheck::collector
