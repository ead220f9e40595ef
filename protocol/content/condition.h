#pragma once
// Skip logic and answer signals as structured data, never as code or a string language:
// { question: has_loan, answer: [yes] }, { below: 5100 }, { all: [...] }, { any: [...] }, { not: ... }
#include "protocol/content/answers.h"

#include <map>
#include <string>
#include <vector>

namespace selfcheck {

// Named numbers in force on one date (content/rights.yaml's dated values, dated_values.h).
using DatedNumbers = std::map<std::string, int>;

struct Condition {
    enum class Kind { AnswerIn, Below, AtLeast, All, Any, Not };
    Kind kind = Kind::AnswerIn;
    std::string question;            // AnswerIn / Below / AtLeast: whose answer is tested
    std::vector<std::string> codes;  // AnswerIn
    int threshold = 0;               // Below / AtLeast (fixed constants already resolved)
    // Below / AtLeast against a value that changes with the date (the Minimum Allowable Wage):
    // its name, looked up in the values in force on the day being scored.
    std::string dated_threshold;
    std::vector<Condition> children;  // All / Any (several), Not (exactly one)

    // True when the answers meet the condition. A question not (yet) answered meets no leaf,
    // and neither does a dated threshold that `dated` does not hold (no date, no comparison).
    bool holds(const Answers& answers, const DatedNumbers& dated = {}) const;
    // Every question id a leaf of this condition reads.
    void collect_questions(std::vector<std::string>& out) const;
    // True when a leaf compares with a dated value.
    bool uses_dated_value() const;
};

}  // namespace selfcheck
