#pragma once
// Dates and times as the protocol writes them. A record carries the date it was completed on
// in Hong Kong, never a time of day; that date comes from the Asia/Hong_Kong zone (ICU's own
// zone data) whatever zone the host is set to, so a kiosk or collector left on UTC does not
// file a 03:59 completion under yesterday. Timestamps the collector keeps are UTC.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace selfcheck {

using SystemTime = std::chrono::system_clock::time_point;

// Exactly YYYY-MM-DD.
bool has_date_shape(std::string_view text);
// A date of that shape that exists on the Gregorian calendar (no 2026-02-30), year 1 or later.
bool is_calendar_date(std::string_view text);

// The Hong Kong calendar date at `when`, YYYY-MM-DD.
std::string hong_kong_date(SystemTime when);
std::string hong_kong_today();
// "YYYY-MM-DD HH:MM" in Hong Kong, for people reading a kiosk's screen.
std::string hong_kong_minute(SystemTime when);

// "YYYY-MM-DDTHH:MM:SSZ", whole seconds.
std::string utc_timestamp(SystemTime when);
std::string utc_timestamp_now();

// The calendar date `days` after (or before, when negative) `date`; empty optional when
// `date` is not a calendar date.
std::optional<std::string> add_days(std::string_view date, int days);

}  // namespace selfcheck
