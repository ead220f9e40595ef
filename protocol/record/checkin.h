#pragma once
// The body of POST /api/v1/checkin (docs/protocol.md, "Device check-in"): how a kiosk is
// doing, in counts, dates and its last error, never an answer. The kiosk writes it and the
// collector reads it with this one code, so what a kiosk sends is what the collector accepts.
//   {"app_version":"0.2.0","content_version":"hk-mdw-self-assessment/1","dropped":0,
//    "last_error":"","oldest_queued_on":"2026-11-20","queue_size":12,"rejected":0}
#include "protocol/record/protocol_error.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace selfcheck {

inline constexpr std::int64_t kMaxCheckInCount = 100000000;
inline constexpr std::size_t kMaxCheckInErrorLength = 200;
inline constexpr std::size_t kMaxCheckInVersionLength = 64;

struct CheckIn {
    std::int64_t queue_size = 0;   // sealed records waiting to be sent
    std::int64_t rejected = 0;     // refused by the collector, kept, never resent
    std::int64_t dropped = 0;      // dropped at an outbox cap, ever, on this device
    std::string oldest_queued_on;  // YYYY-MM-DD the oldest waiting record was queued; empty: none
    std::string last_error;        // why the last round failed; empty after one that got through
    std::string content_version;
    std::string app_version;

    bool operator==(const CheckIn& other) const;
};

// Canonical JSON of every field (keys sorted, no whitespace). Texts are first made to fit
// the reader's rules (check_in_text), so the collector never refuses what a kiosk writes.
std::string checkin_to_json(const CheckIn& checkin);

// The strict reader: throws ProtocolError naming the field unless `json_text` is a check-in.
// queue_size, rejected, last_error, content_version and app_version are required; dropped
// and oldest_queued_on are optional (0.1.x kiosks do not send them) and no other field is
// accepted. Counts are whole numbers from 0 to kMaxCheckInCount; texts printable ASCII
// (last_error at most kMaxCheckInErrorLength characters, versions kMaxCheckInVersionLength);
// oldest_queued_on a calendar date or empty.
CheckIn checkin_from_json(std::string_view json_text);

// `text` as a check-in may carry it: bytes outside printable ASCII become '?', and the rest
// is cut at `max_length` (ending in "..." when cut).
std::string check_in_text(std::string_view text, std::size_t max_length);

}  // namespace selfcheck
