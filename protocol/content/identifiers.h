#pragma once
// The shapes of the names content gives things and records carry: one rule each, used by the
// content loader (which refuses a bad id with file:line) and by the record checks on both
// sides, so an id the loader accepts is one every record field accepts.
#include <string>
#include <string_view>

namespace selfcheck {

inline constexpr size_t kMaxIdentifierLength = 64;

// Question ids, answer codes, indicator, dimension, right, level, section and organisation
// ids: 1-64 characters of a-z 0-9 _.
bool is_identifier(std::string_view text);
inline constexpr const char* kIdentifierRule = "1-64 characters of a-z 0-9 _";

// Form ids and site codes: 1-64 characters of a-z 0-9 - _.
bool is_slug(std::string_view text);
inline constexpr const char* kSlugRule = "1-64 characters of a-z 0-9 - _";

// An ICU locale id as the form lists its languages: a language subtag of 2-3 lower-case
// letters, then _-separated subtags of letters and digits ("id", "fil", "zh_Hant_HK").
bool is_locale_id(std::string_view text);
inline constexpr const char* kLocaleRule = "an ICU locale id such as id, fil or zh_Hant_HK";

// `text` in single quotes for an error message: at most 64 characters, anything but printable
// ASCII replaced by '?', so a message never echoes control bytes or broken UTF-8.
std::string quote_for_message(std::string_view text);

}  // namespace selfcheck
