#pragma once
// The phone number a worker gives for a call back (docs/protocol.md, "Referrals"). One pure
// check, used by the kiosk's keypad before she confirms and by the caseworker's inbox when a
// request is opened, so both agree on what a number is.
//
// Accepted: a Hong Kong number of eight digits (first digit 2-9, "+852" optional), or an
// Indonesian (+62) or Philippine (+63) number given with its country code. Spaces and hyphens
// between digits are ignored; a leading 0 after +62/+63 (the trunk prefix dialled at home) is
// refused, since the number is dialled from Hong Kong.
#include <string>
#include <string_view>

namespace selfcheck {

struct PhoneCheck {
    bool ok = false;
    std::string e164;     // "+85291234567" when ok: the one form the request carries
    std::string problem;  // why not, in words a caseworker or developer can act on, when !ok
};

PhoneCheck check_phone_number(std::string_view typed);

// True when `text` is already a number in the form check_phone_number gives.
bool is_referral_phone(std::string_view text);

}  // namespace selfcheck
