#include "protocol/content/condition.h"

#include "tests/protocol/conditions.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using namespace selfcheck::testing;

TEST_CASE("conditions read answers, never unanswered questions") {
    Answers answers{{"has_loan", std::string("yes")}, {"salary", 4800}};
    CHECK(answer_in("has_loan", {"yes"}).holds(answers));
    CHECK_FALSE(answer_in("has_loan", {"no", "not_sure"}).holds(answers));
    CHECK_FALSE(answer_in("passport_kept", {"yes"}).holds(answers));
    CHECK(compare(Condition::Kind::Below, "salary", 5100).holds(answers));
    CHECK_FALSE(compare(Condition::Kind::Below, "salary", 4800).holds(answers));
    CHECK(compare(Condition::Kind::AtLeast, "salary", 4800).holds(answers));
    CHECK_FALSE(compare(Condition::Kind::Below, "has_loan", 10).holds(answers));  // a code is not a number
    CHECK_FALSE(answer_in("salary", {"4800"}).holds(answers));                    // nor a number a code
}

TEST_CASE("all, any and not combine conditions") {
    Answers answers{{"a", std::string("yes")}, {"b", std::string("no")}};
    const auto a_yes = answer_in("a", {"yes"});
    const auto b_yes = answer_in("b", {"yes"});
    CHECK(combine(Condition::Kind::Any, {a_yes, b_yes}).holds(answers));
    CHECK_FALSE(combine(Condition::Kind::All, {a_yes, b_yes}).holds(answers));
    CHECK(combine(Condition::Kind::Not, {b_yes}).holds(answers));
    std::vector<std::string> refs;
    combine(Condition::Kind::All, {a_yes, combine(Condition::Kind::Not, {b_yes})}).collect_questions(refs);
    CHECK(refs == std::vector<std::string>{"a", "b"});
}

TEST_CASE("a dated threshold takes the value given for the day, and holds for no one without it") {
    Answers answers{{"salary", 4860}};
    Condition below = compare(Condition::Kind::Below, "salary", 0);
    below.dated_threshold = "lowest_wage";
    CHECK(below.uses_dated_value());
    CHECK(below.holds(answers, {{"lowest_wage", 4870}}));
    CHECK_FALSE(below.holds(answers, {{"lowest_wage", 4730}}));
    CHECK_FALSE(below.holds(answers));  // no date, no comparison
    // Under a not, "no value" is still no comparison: the leaf is false, so the not is true;
    // scoring therefore always passes the day's values (protocol/content/scoring.h).
    CHECK(combine(Condition::Kind::Not, {below}).holds(answers));
    CHECK(combine(Condition::Kind::All, {below, answer_in("salary", {"x"})}).uses_dated_value());
    CHECK_FALSE(compare(Condition::Kind::Below, "salary", 5100).uses_dated_value());
}
