#pragma once
// A request to be called back by one organisation (docs/protocol.md, "Referrals"): what she
// chose to send, its one strict JSON form, and its sealing to that organisation's key alone.
// The kiosk builds and seals it; only the organisation's caseworker opens it. It shares no
// id, time or batch with the anonymised record: it has no time field at all, its id (outside
// the seal) is drawn apart from any record id, and it travels on its own route.
//
//   {"contact_language":"id","may_leave_message":false,"organisation":"enrich",
//    "phone":"+85291234567","schema":1,
//    "shared_result":{"indicators":["withholding_of_wages"],"level":"rights_concerns"},
//    "window":{"days":["sun"],"from_hour":10,"to_hour":16}}
#include "protocol/crypto/sealing.h"
#include "protocol/record/protocol_error.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace selfcheck {

inline constexpr int kReferralSchema = 1;
// Every referral is padded to this size before sealing, so a sealed referral's length says
// nothing of whether she shared her result or how long her number is.
inline constexpr std::size_t kReferralPaddedBytes = 2048;
inline constexpr std::size_t kReferralSealedBytes = kReferralPaddedBytes + kSealOverhead;
// Enough for every ILO indicator, and few enough that the longest referral fits the padding.
inline constexpr std::size_t kMaxSharedIndicators = 16;

// The days of the week as a window names them, in week order.
const std::vector<std::string>& referral_days();

// When a call is safe: on these days, from from_hour:00 to to_hour:00 Hong Kong time.
struct ContactWindow {
    std::vector<std::string> days;  // a non-empty subset of referral_days(), in week order
    int from_hour = 0;              // 0-23
    int to_hour = 24;               // 1-24, after from_hour
    bool operator==(const ContactWindow& other) const;
};

// Only when she chose to share it: her result level and the indicators raised, nothing else.
struct SharedResult {
    std::string level;                    // a scoring level id
    std::vector<std::string> indicators;  // ILO indicator ids, sorted, each once
    bool operator==(const SharedResult& other) const;
};

struct Referral {
    int schema = kReferralSchema;
    std::string organisation;      // the directory id of the one organisation asked
    std::string phone;             // as check_phone_number gives it: "+85291234567"
    std::string contact_language;  // a locale id: the language to call her in
    ContactWindow window;
    bool may_leave_message = false;
    std::optional<SharedResult> shared_result;
    bool operator==(const Referral& other) const;
};

// A referral that is not what the protocol allows; the message starts with the field.
class ReferralError : public ProtocolError {
public:
    using ProtocolError::ProtocolError;
};

// Canonical JSON (keys sorted, no whitespace). Throws ReferralError when `referral` would
// not pass referral_from_json, so a kiosk never seals what a caseworker cannot open.
std::string referral_to_json(const Referral& referral);
// The strict reader: exactly the fields above, each of its kind; throws ReferralError.
Referral referral_from_json(std::string_view json_text);

// Sealed to `organisation_key` alone, padded to kReferralPaddedBytes: kReferralSealedBytes.
std::string seal_referral(const Referral& referral, const PublicKey& organisation_key);
// Opens and reads one; throws CryptoError (not this key, altered) or ReferralError.
Referral open_referral(std::string_view sealed, const KeyPair& organisation_keys);

// A referral's id on the wire: 32 random lower-case hex digits, drawn for the referral alone.
std::string random_referral_id();

// One item of POST /api/v1/referrals: {"id":"…","organisation":"enrich","sealed":"<base64>"}.
// `organisation` is outside the seal so the collector can file it in that inbox unopened.
struct SealedReferral {
    std::string id;
    std::string organisation;
    std::string sealed_base64;
};
inline constexpr std::size_t kMaxReferralsPerBatch = 20;

std::string referral_batch_to_json(const std::vector<SealedReferral>& batch);
// Throws ProtocolError for a malformed batch as a whole ("body: ...", "referrals: ...").
// Items are read loosely so each can be answered: an item whose fields are wrong is returned
// with `problem` set, and the collector answers it "rejected" with that reason.
struct ReferralBatchItem {
    SealedReferral referral;
    std::string problem;  // empty: well formed
};
std::vector<ReferralBatchItem> referral_batch_from_json(std::string_view json_text);

}  // namespace selfcheck
