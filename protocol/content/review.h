#pragma once
// Content that must stay true in the field: every constant, dated value, running-contract
// rule, right and help entry carries the date it was last checked against its source and the
// date it must be checked again by (content/rights.yaml, content/directory.yaml). Listed here
// for `kiosk-content validate`, the kiosk's staff panel and the collector's dashboard, which
// say "content review overdue" with what.
#include "protocol/content/content.h"

#include <string>
#include <string_view>
#include <vector>

namespace selfcheck {

struct ReviewItem {
    std::string file;        // content file, e.g. "rights.yaml"
    std::string item;        // what, e.g. "dated value minimum_allowable_wage_hkd"
    std::string checked_on;  // YYYY-MM-DD
    std::string review_by;   // YYYY-MM-DD
};

// Every item with review dates, in file order (rights.yaml, then directory.yaml).
std::vector<ReviewItem> review_items(const Content& content);

// The items whose review_by is before `today` (YYYY-MM-DD), in the same order. Throws
// std::invalid_argument unless `today` is a calendar date.
std::vector<ReviewItem> overdue_reviews(const Content& content, std::string_view today);

// "rights.yaml dated value minimum_allowable_wage_hkd: review by 2026-09-29 (checked 2026-12-01)"
std::string describe(const ReviewItem& item);

}  // namespace selfcheck
