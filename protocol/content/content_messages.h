#pragma once
#include "protocol/content/content.h"
#include "protocol/content/messages.h"

#include <string_view>

namespace selfcheck {
// The content's fixed constants as message arguments, so "{agency_fee_max_percent}%" shows
// the number content/rights.yaml holds. Enough for question texts, which use no dated value.
MessageArgs constant_args(const Content& content);

// The fixed constants and the dated values in force on `date` (dated_values.h), so
// "HK${minimum_allowable_wage_hkd, number}" shows the rate for that day. What the kiosk gives
// its messages, with hong_kong_today().
MessageArgs content_args(const Content& content, std::string_view date);
}  // namespace selfcheck
