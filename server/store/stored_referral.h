#pragma once
// A call-back request as the collector keeps it (docs/protocol.md, "Referrals"): sealed to
// its organisation's key, filed under that organisation, with no device, site or time of day
// that could tie it to a record. Only the day received is kept, for the retention period and
// the monthly counts.
#include <string>

namespace selfcheck::collector {

inline constexpr const char* kReferralNew = "new";
inline constexpr const char* kReferralContacted = "contacted";
inline constexpr const char* kReferralClosed = "closed";

struct StoredReferral {
    std::string referral_id;   // the id the kiosk drew for it alone
    std::string organisation;  // the directory id it is filed under
    std::string sealed;        // the sealed bytes; empty once erased (closed or past retention)
    std::string state = kReferralNew;
    std::string received_on;  // YYYY-MM-DD, Hong Kong
};

}  // namespace selfcheck::collector
