#pragma once
// Reads the body of POST /api/v1/checkin (docs/protocol.md, "Device check-in"):
//   {"queue_size":12,"rejected":0,"last_error":"","content_version":"1","app_version":"0.1.0"}
// Every field is required and no other is accepted: a check-in never carries answers.

#include "protocol/record/protocol_error.h"
#include "server/store/device.h"

#include <string>
#include <string_view>

namespace selfcheck::collector {

// The check-in, received_at left empty for the caller. Throws ProtocolError naming the field
// and what was expected; nothing else, whatever the input.
CheckIn decode_checkin(std::string_view json_text);

}  // namespace selfcheck::collector
