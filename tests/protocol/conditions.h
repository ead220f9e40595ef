#pragma once
// Conditions built in code, for tests that need a skip rule or a signal without a form file.
#include "protocol/content/condition.h"

#include <string>
#include <vector>

namespace selfcheck::testing {

inline Condition answer_in(const std::string& question, std::vector<std::string> codes) {
    Condition c;
    c.kind = Condition::Kind::AnswerIn;
    c.question = question;
    c.codes = std::move(codes);
    return c;
}

inline Condition compare(Condition::Kind kind, const std::string& question, int threshold) {
    Condition c;
    c.kind = kind;
    c.question = question;
    c.threshold = threshold;
    return c;
}

inline Condition combine(Condition::Kind kind, std::vector<Condition> children) {
    Condition c;
    c.kind = kind;
    c.children = std::move(children);
    return c;
}

}  // namespace selfcheck::testing
