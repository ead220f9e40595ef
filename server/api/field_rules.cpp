#include "server/api/field_rules.h"

#include <algorithm>

namespace collector {
namespace {

constexpr std::size_t kMaxTokenLength = 64;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

template <typename AllowedChar>
bool is_token(std::string_view text, AllowedChar allowed) {
    return !text.empty() && text.size() <= kMaxTokenLength && std::all_of(text.begin(), text.end(), allowed);
}

int two_digits(std::string_view text, std::size_t at) { return (text[at] - '0') * 10 + (text[at + 1] - '0'); }

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

}  // namespace

bool is_record_id(std::string_view text) {
    return text.size() == 32 &&
           std::all_of(text.begin(), text.end(), [](char c) { return is_digit(c) || (c >= 'a' && c <= 'f'); });
}

bool is_slug(std::string_view text) {
    return is_token(text, [](char c) { return is_lower(c) || is_digit(c) || c == '-' || c == '_'; });
}

bool is_answer_token(std::string_view text) {
    return is_token(text, [](char c) { return is_lower(c) || is_digit(c) || c == '_'; });
}

bool has_date_shape(std::string_view text) {
    if (text.size() != 10) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash_expected = i == 4 || i == 7;
        if (dash_expected ? text[i] != '-' : !is_digit(text[i])) return false;
    }
    return true;
}

bool is_calendar_date(std::string_view text) {
    if (!has_date_shape(text)) return false;
    const int year = two_digits(text, 0) * 100 + two_digits(text, 2);
    const int month = two_digits(text, 5);
    const int day = two_digits(text, 8);
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::string quote_for_message(std::string_view text) {
    std::string quoted = "'";
    for (char c : text.substr(0, kMaxTokenLength)) quoted += (c >= ' ' && c <= '~') ? c : '?';
    if (text.size() > kMaxTokenLength) quoted += "...";
    return quoted + "'";
}

}  // namespace collector
