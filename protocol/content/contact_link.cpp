#include "protocol/content/contact_link.h"

#include <stdexcept>

namespace selfcheck {

namespace {

struct Number {
    bool international = false;  // written with a leading +
    std::string digits;
};

// Parses by hand, not with isdigit(), so the locale cannot let other characters through.
Number parse(const std::string& text, const char* what) {
    Number number;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            number.digits += c;
        } else if (c == '+' && !number.international && number.digits.empty()) {
            number.international = true;
        } else if (c != ' ') {
            number.digits.clear();
            break;
        }
    }
    if (number.digits.empty())
        throw std::invalid_argument(std::string(what) + ": \"" + text +
                                    "\" is not a phone number (digits and spaces, optionally starting with +)");
    return number;
}

}  // namespace

std::string tel_link(const std::string& phone) {
    const Number number = parse(phone, "tel link");
    return (number.international ? "tel:+" : "tel:") + number.digits;
}

std::string whatsapp_link(const std::string& number) {
    const Number parsed = parse(number, "WhatsApp link");
    if (!parsed.international)
        throw std::invalid_argument(
            "WhatsApp link: \"" + number +
            "\" has no country code; WhatsApp needs the full number as +<country code> <number>, "
            "e.g. +852 5981 3754");
    return "https://wa.me/" + parsed.digits;
}

}  // namespace selfcheck
