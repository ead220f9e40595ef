#pragma once
// How many call-back requests each organisation received each month (issue #17), with the
// reports' own small-cell protection (suppression.h): a count from 1 to k-1 is not shown, and
// nor is any cell from which the organisation's or the month's total would give one away.
// Counted from the referrals table alone, never joined to records.
#include <cstdint>
#include <string>
#include <vector>

namespace selfcheck::collector {

struct ReferralCount {
    std::string organisation;
    std::string month;  // YYYY-MM, Hong Kong
    std::int64_t count = 0;
    bool suppressed = false;  // after protect_referral_counts: not to be published
};

// Marks the counts that may not be published (`counts` holds every organisation-month cell,
// zeros included where the caller has them). Totals per organisation and per month are the
// lines the suppression audits, so no hidden count can be worked out by subtraction.
void protect_referral_counts(std::vector<ReferralCount>& counts, std::int64_t k);

// A plain table: "organisation  month  count" with "<k" for a suppressed count.
std::string referral_counts_text(const std::vector<ReferralCount>& counts, std::int64_t k);

}  // namespace selfcheck::collector
