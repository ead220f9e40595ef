#pragma once
// Skip logic and answer signals as structured data, never as code or a string language:
// { question: has_loan, answer: [yes] }, { below: 5100 }, { all: [...] }, { any: [...] }, { not: ... }
#include "protocol/content/answers.h"

#include <string>
#include <vector>

namespace selfcheck {

struct Condition {
    enum class Kind { AnswerIn, Below, AtLeast, All, Any, Not };
    Kind kind = Kind::AnswerIn;
    std::string question;             // AnswerIn / Below / AtLeast: whose answer is tested
    std::vector<std::string> codes;   // AnswerIn
    int threshold = 0;                // Below / AtLeast (constants already resolved)
    std::vector<Condition> children;  // All / Any (several), Not (exactly one)

    // True when the answers meet the condition. A question not (yet) answered meets no leaf.
    bool holds(const Answers& answers) const;
    // Every question id a leaf of this condition reads.
    void collect_questions(std::vector<std::string>& out) const;
};

}  // namespace selfcheck
