#pragma once
// Reads the body of POST /api/v1/batches (docs/protocol.md, "Submitting a batch"):
//   {"records":[{"id":"<32 hex>","sealed":"<base64>"}, ...]}   at most kMaxBatchRecords.
// Only the structure is judged here; what is inside each seal is judged per record.

#include "protocol/record/protocol_error.h"

#include <string>
#include <string_view>
#include <vector>

namespace selfcheck::collector {

inline constexpr std::size_t kMaxBatchRecords = 100;

struct BatchEntry {
    std::string id;      // a well-formed record id (32 lower-case hex)
    std::string sealed;  // still base64 text: a bad one is that record's problem, not the batch's
};

// Throws ProtocolError saying where and what, e.g. "records[3].id: ..."; nothing else, whatever
// the input.
std::vector<BatchEntry> decode_batch(std::string_view json_text);

}  // namespace selfcheck::collector
