#pragma once
// Reads the body of POST /api/v1/checkin with the protocol's own reader
// (protocol/record/checkin.h), which the kiosk's writer shares.

#include "protocol/record/protocol_error.h"
#include "server/store/device.h"

#include <string_view>

namespace selfcheck::collector {

// The check-in, received_at left empty for the caller. Throws ProtocolError naming the field
// and what was expected; nothing else, whatever the input.
CheckIn decode_checkin(std::string_view json_text);

}  // namespace selfcheck::collector
