#pragma once
// The privacy allow-list, enforced in code: a record's JSON may carry exactly the fields of
// docs/protocol.md, each of the expected kind. Anything else could carry personal data, so
// it is refused, not ignored.
#include <stdexcept>
#include <string>
#include <vector>

namespace selfcheck {

class RecordError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The top-level fields a record has, all required, in protocol order.
const std::vector<std::string>& record_fields();

// A site code as records carry it: a-z 0-9 - _, 1 to 64 characters.
bool is_site_code(const std::string& site);

// Throws RecordError naming the field at fault ("unknown field \"name\"", "completed_on:
// expected a date YYYY-MM-DD", ...) unless `json_text` is a record the protocol allows.
void check_record_json(const std::string& json_text);

}  // namespace selfcheck
