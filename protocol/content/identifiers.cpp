#include "protocol/content/identifiers.h"

#include <algorithm>

namespace selfcheck {

namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return is_lower(c) || (c >= 'A' && c <= 'Z'); }

template <typename Allowed>
bool is_token(std::string_view text, Allowed allowed) {
    return !text.empty() && text.size() <= kMaxIdentifierLength && std::all_of(text.begin(), text.end(), allowed);
}

}  // namespace

bool is_identifier(std::string_view text) {
    return is_token(text, [](char c) { return is_lower(c) || is_digit(c) || c == '_'; });
}

bool is_slug(std::string_view text) {
    return is_token(text, [](char c) { return is_lower(c) || is_digit(c) || c == '_' || c == '-'; });
}

bool is_locale_id(std::string_view text) {
    if (text.size() > 32) return false;
    const size_t end = std::min(text.find('_'), text.size());
    if (end < 2 || end > 3 || !std::all_of(text.begin(), text.begin() + long(end), is_lower)) return false;
    std::string_view rest = text.substr(end);
    while (!rest.empty()) {
        rest.remove_prefix(1);  // the '_'
        const size_t next = std::min(rest.find('_'), rest.size());
        const std::string_view subtag = rest.substr(0, next);
        if (subtag.empty() ||
            !std::all_of(subtag.begin(), subtag.end(), [](char c) { return is_letter(c) || is_digit(c); }))
            return false;
        rest.remove_prefix(next);
    }
    return true;
}

std::string quote_for_message(std::string_view text) {
    std::string quoted = "'";
    for (char c : text.substr(0, kMaxIdentifierLength)) quoted += (c >= ' ' && c <= '~') ? c : '?';
    if (text.size() > kMaxIdentifierLength) quoted += "...";
    return quoted + "'";
}

}  // namespace selfcheck
