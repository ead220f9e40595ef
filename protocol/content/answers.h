#pragma once
// What a person has answered so far: question id -> an answer code or a number.
// Lives in memory only; it never reaches disk in readable form.
#include <map>
#include <string>
#include <variant>

namespace selfcheck {

using AnswerValue = std::variant<std::string, int>;  // a choice code, or a number-picker value
using Answers = std::map<std::string, AnswerValue>;

// "I prefer not to say": an answer every sensitive question offers, and the only one that is
// never kept in a record (docs/protocol.md).
inline const char* const kPreferNotToSay = "prefer_not";

}  // namespace selfcheck
