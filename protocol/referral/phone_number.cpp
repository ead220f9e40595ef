#include "protocol/referral/phone_number.h"

#include <array>

namespace selfcheck {
namespace {

struct CountryRule {
    std::string_view code;   // without '+'
    std::size_t min_digits;  // digits after the country code
    std::size_t max_digits;
    std::string_view name;
};

// Hong Kong numbers are eight digits and never start with 0 or 1. Indonesian numbers run from
// 9 to 12 digits after +62 (mobiles 08xx... dialled at home); Philippine numbers 9 (Manila
// landlines) or 10 (mobiles 9xx...) after +63.
constexpr std::array<CountryRule, 3> kCountries = {{
    {"852", 8, 8, "a Hong Kong number"},
    {"62", 9, 12, "an Indonesian (+62) number"},
    {"63", 9, 10, "a Philippine (+63) number"},
}};

PhoneCheck refuse(std::string problem) { return {false, "", std::move(problem)}; }

}  // namespace

PhoneCheck check_phone_number(std::string_view typed) {
    std::string digits;
    bool plus = false;
    for (std::size_t i = 0; i < typed.size(); ++i) {
        const char c = typed[i];
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (c == '+' && digits.empty() && !plus) {
            plus = true;
        } else if ((c == ' ' || c == '-') && !digits.empty()) {
            continue;
        } else {
            return refuse("phone: only digits, a leading + and spaces are allowed");
        }
    }
    if (digits.empty()) return refuse("phone: no number given");
    if (!plus) {
        if (digits.size() != 8)
            return refuse("phone: a Hong Kong number has 8 digits (got " + std::to_string(digits.size()) +
                          "); other numbers start with +62 or +63");
        digits = "852" + digits;
    }
    for (const CountryRule& rule : kCountries) {
        if (digits.compare(0, rule.code.size(), rule.code) != 0) continue;
        const std::string national = digits.substr(rule.code.size());
        if (national.size() < rule.min_digits || national.size() > rule.max_digits) {
            const std::string range = rule.min_digits == rule.max_digits
                                          ? std::to_string(rule.min_digits)
                                          : std::to_string(rule.min_digits) + " to " + std::to_string(rule.max_digits);
            return refuse("phone: " + std::string(rule.name) + " has " + range + " digits after +" +
                          std::string(rule.code) + " (got " + std::to_string(national.size()) + ")");
        }
        if (rule.code == "852" && (national[0] == '0' || national[0] == '1'))
            return refuse("phone: a Hong Kong number does not start with 0 or 1");
        if (national[0] == '0')
            return refuse("phone: leave out the 0 after +" + std::string(rule.code) +
                          " (the number is dialled from abroad)");
        return {true, "+" + digits, ""};
    }
    return refuse("phone: only Hong Kong (+852), Indonesian (+62) and Philippine (+63) numbers are accepted");
}

bool is_referral_phone(std::string_view text) {
    const PhoneCheck check = check_phone_number(text);
    return check.ok && check.e164 == text;
}

}  // namespace selfcheck
