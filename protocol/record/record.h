#pragma once
// The anonymised record: the only thing a completed session leaves behind, and only ever
// inside a sealed box (docs/protocol.md, "The record"). The kiosk builds it, the collector
// opens and checks it; both use this one type and its one JSON form.
//
// The allow-list is enforced here: a record's JSON carries exactly the fields below, each of
// the expected kind, and anything else is refused, not ignored, since any other field could
// carry personal data.
#include "protocol/content/answers.h"
#include "protocol/record/protocol_error.h"

#include <string>
#include <string_view>
#include <vector>

namespace selfcheck {

inline constexpr int kRecordSchema = 1;

// A record (or a part of one) that is not what the protocol allows. The message starts with
// the field at fault ("completed_on: ...", "answers.has_loan: ...").
class RecordError : public ProtocolError {
public:
    using ProtocolError::ProtocolError;
};

struct Record {
    int schema = kRecordSchema;
    std::string record_id;  // 32 random lower-case hex digits, never a counter
    std::string form_id;    // e.g. "hk-mdw-self-assessment"
    int form_version = 0;
    std::string language;                 // a locale the form offers
    std::string site;                     // where the kiosk stands, a site code
    std::string completed_on;             // YYYY-MM-DD in Hong Kong: a date, never a time of day
    Answers answers;                      // asked and answered; "prefer not to say" is never kept
    std::vector<std::string> indicators;  // ILO indicator ids raised, sorted, each once
    std::string result_level;

    bool operator==(const Record& other) const;
};

// The top-level fields of a record, all required, in protocol order.
const std::vector<std::string>& record_fields();

// 128 random bits as 32 lower-case hex digits (libsodium's CSPRNG).
std::string random_record_id();
bool is_record_id(std::string_view text);

// Canonical JSON: nlohmann writes object keys sorted and no whitespace, so equal records
// give equal text.
std::string record_to_json(const Record& record);

// The strict reader: throws RecordError naming the field unless `json_text` is a record of
// the right shape (allow-listed fields only, each of its kind, a calendar date, sorted
// indicators). It does not know the form: check_record (record_rules.h) does that.
Record record_from_json(std::string_view json_text);

// Answers alone, as the collector's stores keep them: canonical JSON of a flat object.
std::string answers_to_json(const Answers& answers);
// Throws RecordError when `json_text` is not such an object.
Answers answers_from_json(std::string_view json_text);

}  // namespace selfcheck
