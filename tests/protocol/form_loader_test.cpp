#include "protocol/content/form_loader.h"

#include "protocol/content/content_error.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using selfcheck::testing::TempDir;

namespace {

const char* kHeader = R"(form: { id: test-form, version: 3 }
languages:
  - { locale: en, label: English }
  - { locale: id, label: Bahasa Indonesia }
answer_sets:
  yes_no:
    - { code: "yes", text: answer.yes }
    - { code: "no", text: answer.no }
)";

Form load_text(const TempDir& dir, const std::string& sections, const Constants& constants = {}) {
    return load_form(dir.write("form.yaml", std::string(kHeader) + sections), constants);
}

// Loads and returns the error; fails the test if loading succeeds.
ContentError load_error(const TempDir& dir, const std::string& text) {
    try {
        load_form(dir.write("form.yaml", text));
    } catch (const ContentError& e) {
        return e;
    }
    FAIL("expected a ContentError");
    throw;
}

}  // namespace

TEST_CASE("a form with skip logic, numbers and signals loads in order") {
    TempDir dir;
    const Form form = load_text(dir, R"(sections:
  - id: money
    title: section.money
    questions:
      - id: has_loan
        text: q.has_loan
        answers: yes_no
      - id: loan_interest_high
        text: q.loan_interest_high
        answers: yes_no
        show_if: { question: has_loan, answer: ["yes"] }
        signals:
          - when: { answer: ["yes"] }
            indicator: debt_bondage
            dimension: unfree_recruitment
            role: penalty
            strength: strong
      - id: salary
        text: q.salary
        type: number
        number: { min: 0, max: 20000, step: 100, unit: hkd }
        signals:
          - when: { below: minimum_wage }
            breach: below_minimum_wage
)",
                                {{"minimum_wage", 5100}});
    CHECK(form.id == "test-form");
    CHECK(form.version == 3);
    REQUIRE(form.languages.size() == 2);
    CHECK(form.languages[1].label == "Bahasa Indonesia");
    REQUIRE(form.questions.size() == 3);
    CHECK(form.questions[0].options.size() == 2);
    CHECK(form.questions[0].options[0].code == "yes");
    REQUIRE(form.questions[1].show_if);
    CHECK(form.questions[1].show_if->question == "has_loan");
    CHECK(form.questions[1].signals.at(0).strength == "strong");
    CHECK(form.questions[2].type == QuestionType::Number);
    CHECK(form.questions[2].number.max == 20000);
    CHECK(form.questions[2].signals.at(0).when.threshold == 5100);
    CHECK(form.questions[2].section == "money");
}

TEST_CASE("a threshold may name a dated value, resolved when scored, but a show_if may not") {
    TempDir dir;
    const std::string question = R"(sections:
  - id: money
    title: section.money
    questions:
      - id: salary
        text: q.salary
        type: number
        number: { min: 0, max: 20000, step: 10, unit: hkd }
        signals:
          - when: { below: lowest_wage }
            breach: low_pay
)";
    const Form form = load_form(dir.write("form.yaml", std::string(kHeader) + question), {}, {"lowest_wage"});
    const Condition& when = form.questions.at(0).signals.at(0).when;
    CHECK(when.dated_threshold == "lowest_wage");
    CHECK(when.holds({{"salary", 4000}}, {{"lowest_wage", 4870}}));
    // Without the name among the dated values it is an unknown constant.
    CHECK_THROWS_WITH(load_form(dir.write("form.yaml", std::string(kHeader) + question)),
                      Catch::Matchers::Contains("no constant named 'lowest_wage'"));
    const std::string gated = question + R"(      - id: low_pay_reason
        text: q.reason
        answers: yes_no
        show_if: { question: salary, below: lowest_wage }
)";
    CHECK_THROWS_WITH(load_form(dir.write("form.yaml", std::string(kHeader) + gated), {}, {"lowest_wage"}),
                      Catch::Matchers::Contains("a value that changes with the date cannot decide what is asked"));
    // Nor may a signal test one under 'not': on a day the value is not known, 'not' would hold.
    std::string negated = question;
    negated.replace(negated.find("{ below: lowest_wage }"), 22, "{ not: { below: lowest_wage } }");
    CHECK_THROWS_WITH(load_form(dir.write("form.yaml", std::string(kHeader) + negated), {}, {"lowest_wage"}),
                      Catch::Matchers::Contains("cannot be tested under 'not'"));
}

TEST_CASE("a signal may be marked urgent") {
    TempDir dir;
    const Form form = load_text(dir, R"(sections:
  - id: safety
    title: section.safety
    questions:
      - id: violence
        text: q.violence
        answers: yes_no
        signals:
          - when: { answer: ["yes"] }
            breach: leave_without_notice
            urgent: true
          - when: { answer: ["yes"] }
            breach: other
)");
    CHECK(form.questions.at(0).signals.at(0).urgent);
    CHECK_FALSE(form.questions.at(0).signals.at(1).urgent);
}

TEST_CASE("malformed YAML is reported with file, line and column") {
    TempDir dir;
    const auto e = load_error(dir, "form: { id: x, version: 1\nlanguages: [\n");
    CHECK(e.file().find("form.yaml") != std::string::npos);
    CHECK(e.line() >= 1);
    CHECK(e.column() >= 1);
    CHECK(std::string(e.what()).find("form.yaml:") != std::string::npos);
}

TEST_CASE("content mistakes name what was expected and where") {
    TempDir dir;
    struct Case {
        const char* sections;
        const char* expected;
        int line;
    };
    // Line numbers count from the start of the file; the header above has 8 lines.
    const Case cases[] = {
        {"sections:\n  - id: s\n    title: t\n    questions:\n      - id: q1\n        text: t\n        answers: "
         "yes_no\n        colour: red\n",
         "unknown key 'colour'", 16},
        {"sections:\n  - id: s\n    title: t\n    questions:\n      - id: q1\n        answers: yes_no\n",
         "missing required key 'text'", 13},
        {"sections:\n  - id: s\n    title: t\n    questions:\n      - id: q1\n        text: t\n        answers: "
         "maybe_set\n",
         "no answer set named 'maybe_set'", 15},
        {"sections:\n  - id: s\n    title: t\n    questions:\n      - id: q1\n        text: t\n        answers: "
         "yes_no\n"
         "        show_if: { question: q2, answer: [\"yes\"] }\n      - id: q2\n        text: t\n        answers: "
         "yes_no\n",
         "no earlier question 'q2'", 13},
        {"sections:\n  - id: s\n    title: t\n    questions:\n      - id: q1\n        text: t\n        answers: "
         "yes_no\n"
         "      - id: q2\n        text: t\n        answers: yes_no\n        show_if: { question: q1, answer: [maybe] "
         "}\n",
         "'q1' has no answer 'maybe'", 16},
        {"sections:\n  - id: s\n    title: t\n    questions:\n      - id: q1\n        text: t\n        type: slider\n  "
         "      answers: yes_no\n",
         "expected choice or number", 15},
        {"sections:\n  - id: s\n    title: t\n    questions:\n      - id: q1\n        text: t\n        answers: "
         "yes_no\n"
         "        signals:\n          - when: { answer: [\"yes\"] }\n            indicator: deception\n            "
         "dimension: unfree_recruitment\n            role: coercion\n            strength: strong\n",
         "expected one of involuntariness, penalty", 17},
        {"sections:\n  - id: s\n    title: t\n    questions:\n      - id: q1\n        text: t\n        type: number\n  "
         "      number: { min: 0, max: 10, step: 3, unit: hkd }\n",
         "a step that divides", 16},
        {"sections:\n  - id: s\n    title: t\n    questions:\n      - id: q1\n        text: t\n        type: number\n  "
         "      number: { min: 0, max: 10, unit: hkd }\n"
         "        signals:\n          - when: { below: unknown_constant }\n            breach: low_pay\n",
         "no constant named 'unknown_constant'", 18},
        {"sections:\n  - id: s\n    title: t\n    questions:\n      - id: q1\n        text: t\n        answers: "
         "yes_no\n      - id: q1\n        text: t\n        answers: yes_no\n",
         "used twice", 16},
    };
    for (const auto& c : cases) {
        INFO(c.sections);
        const auto e = load_error(dir, std::string(kHeader) + c.sections);
        CHECK_THAT(e.what(), Catch::Matchers::Contains(c.expected));
        CHECK(e.line() == c.line);
    }
}

TEST_CASE("a missing form file is named") {
    try {
        load_form("/nonexistent/form.yaml");
        FAIL("expected a ContentError");
    } catch (const ContentError& e) {
        CHECK_THAT(e.what(),
                   Catch::Matchers::Contains("/nonexistent/form.yaml") && Catch::Matchers::Contains("cannot open"));
    }
}
