#pragma once
// The batch request and its answer, as docs/protocol.md defines them. Pure functions.
#include "kiosk/store/outbox.h"

#include <string>
#include <vector>

namespace selfcheck {

std::string batch_request_json(const std::vector<OutboxEntry>& entries);

struct RecordVerdict {
    std::string record_id;
    enum class Status { Stored, Duplicate, Rejected } status = Status::Stored;
    std::string reason;
};

// The 200 answer's per-record results. Throws std::runtime_error naming what is wrong when the
// body is not such an answer, or answers a record that was not sent (nothing is then deleted).
std::vector<RecordVerdict> parse_batch_reply(const std::string& body, const std::vector<OutboxEntry>& sent);

}  // namespace selfcheck
