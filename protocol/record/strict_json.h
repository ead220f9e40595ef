#pragma once
// JSON parsing that is stricter than nlohmann's defaults, for everything a kiosk sends: a
// key repeated within one object is an error (nlohmann would keep the last value, letting a
// body say two things at once), a NUL byte anywhere is an error (nlohmann would stop at it
// and ignore the rest), and nesting is capped so junk cannot build huge structures.
#include "protocol/record/protocol_error.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace selfcheck {

inline constexpr int kMaxJsonNesting = 8;

// Throws ProtocolError "body: ..." saying what is wrong and, for a syntax error, at which byte.
nlohmann::json parse_strict_json(std::string_view text);

}  // namespace selfcheck
