#pragma once
// The character and format rules record fields must follow. Pure functions.

#include <string>
#include <string_view>

namespace collector {

// Exactly 32 characters of 0-9a-f.
bool is_record_id(std::string_view text);

// 1-64 characters of a-z 0-9 - _ (form ids, site names).
bool is_slug(std::string_view text);

// 1-64 characters of a-z 0-9 _ (answer keys and string answer values).
bool is_answer_token(std::string_view text);

// Exactly YYYY-MM-DD.
bool has_date_shape(std::string_view text);

// A date with the right shape that exists on the Gregorian calendar (no 2026-02-30).
bool is_calendar_date(std::string_view text);

// `text` in single quotes for an error message: at most 64 characters, anything other
// than printable ASCII replaced by '?', so a reply never echoes control bytes or
// broken UTF-8.
std::string quote_for_message(std::string_view text);

}  // namespace collector
