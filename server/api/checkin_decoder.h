#pragma once
// Reads the body of POST /api/v1/checkin (docs/protocol.md, "Device check-in"):
//   {"queue_size":12,"rejected":0,"last_error":"","content_version":"1","app_version":"0.1.0"}
// Every field is required and no other is accepted: a check-in never carries answers.

#include "server/store/device.h"

#include <optional>
#include <string>
#include <string_view>

namespace collector {

struct CheckInDecodeResult {
    std::optional<CheckIn> checkin;  // received_at left empty for the caller
    std::string error;               // otherwise: the field and what was expected
};

// Never throws, whatever the input.
CheckInDecodeResult decode_checkin(std::string_view json_text);

}  // namespace collector
