#pragma once
// Input that does not follow docs/protocol.md: a body, a batch, a check-in or a record. The
// message starts with where the fault is ("body: ...", "records[3].id: ...",
// "completed_on: ...") and says what was expected, so a kiosk's log tells its developer
// exactly what to mend.
#include <stdexcept>

namespace selfcheck {

class ProtocolError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace selfcheck
