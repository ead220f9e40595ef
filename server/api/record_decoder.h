#pragma once
// Turns an opened record (the plaintext of a sealed box, docs/protocol.md) into a
// validated Record, or says precisely why not. Checks shape only; form_check.h checks the
// record against the form version it names.
// Only allow-listed fields are accepted: anything else a kiosk sends could carry
// personal data, so it is refused rather than ignored.

#include "server/record/record.h"

#include <optional>
#include <string>
#include <string_view>

namespace collector {

struct DecodeResult {
    std::optional<Record> record;  // set when the body is a valid record
    std::string error;             // otherwise: the field at fault and what was expected
};

// Never throws, whatever the input.
DecodeResult decode_record(std::string_view json_text);

}  // namespace collector
