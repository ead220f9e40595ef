#include "kiosk/core/session.h"

#include "protocol/content/form_loader.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using selfcheck::testing::TempDir;

namespace {

// has_loan -> (loan_interest only after "yes") -> salary (number) -> fear_leaving
Form sample_form(const TempDir& dir) {
    return load_form(dir.write("form.yaml", R"(form: { id: sample, version: 2 }
languages:
  - { locale: en, label: English }
  - { locale: zh_Hant_HK, label: 繁體中文 }
answer_sets:
  yes_no:
    - { code: "yes", text: answer.yes }
    - { code: "no", text: answer.no }
sections:
  - id: s
    title: section.s
    questions:
      - { id: has_loan, text: t, answers: yes_no }
      - { id: loan_interest, text: t, answers: yes_no, show_if: { question: has_loan, answer: ["yes"] } }
      - { id: salary, text: t, type: number, number: { min: 0, max: 10000, step: 100, unit: hkd } }
      - { id: fear_leaving, text: t, answers: yes_no }
)"));
}

Content sample_content(const TempDir& dir) {
    Content content;
    content.form = sample_form(dir);
    content.scoring.levels.push_back({"no_concerns", ResultLevel::When::Always, "t", "e", "n"});
    return content;
}

struct Harness {
    TempDir dir;
    Content content = sample_content(dir);
    std::vector<Record> completed;
    Session session{content, SessionSettings{"site-a", [] { return std::string("2026-11-22"); },
                                             [this](Record r) { completed.push_back(std::move(r)); }}};
};

}  // namespace

TEST_CASE("skip logic hides follow-up questions and the progress counts only what is asked") {
    Harness h;
    h.session.choose_language("en");
    REQUIRE(h.session.step() == Step::Privacy);
    h.session.accept_privacy();
    REQUIRE(h.session.step() == Step::Question);
    CHECK(h.session.current_question()->id == "has_loan");
    CHECK(h.session.total() == 3);  // loan_interest not asked yet
    h.session.answer(std::string("no"));
    CHECK(h.session.current_question()->id == "salary");
    CHECK(h.session.position() == 2);

    h.session.back();
    CHECK(h.session.current_question()->id == "has_loan");
    h.session.answer(std::string("yes"));
    CHECK(h.session.current_question()->id == "loan_interest");
    CHECK(h.session.position() == 2);
    CHECK(h.session.total() == 4);
}

TEST_CASE("a completed session hands over one record with only the questions asked") {
    Harness h;
    h.session.choose_language("zh_Hant_HK");
    h.session.accept_privacy();
    h.session.answer(std::string("yes"));
    h.session.answer(std::string("yes"));  // loan_interest
    h.session.back();
    h.session.back();
    h.session.answer(std::string("no"));  // now loan_interest is skipped; its old answer must not leak
    h.session.answer(4800);
    h.session.answer(std::string("yes"));
    CHECK(h.session.step() == Step::Result);
    REQUIRE(h.session.assessment());
    CHECK(h.session.assessment()->level->id == "no_concerns");
    REQUIRE(h.completed.size() == 1);
    const Record& r = h.completed.front();
    CHECK(r.form_id == "sample");
    CHECK(r.form_version == 2);
    CHECK(r.language == "zh_Hant_HK");
    CHECK(r.site == "site-a");
    CHECK(r.completed_on == "2026-11-22");
    CHECK(r.record_id.size() == 32);
    CHECK(r.result_level == "no_concerns");
    CHECK(r.answers.size() == 3);
    CHECK_FALSE(r.answers.count("loan_interest"));
    CHECK(std::get<int>(r.answers.at("salary")) == 4800);
    CHECK(h.session.answers().empty());  // nothing of hers is kept once the record is made
}

TEST_CASE("quick exit forgets everything and completes nothing") {
    Harness h;
    h.session.choose_language("en");
    h.session.accept_privacy();
    h.session.answer(std::string("yes"));
    h.session.wipe();
    CHECK(h.session.step() == Step::Welcome);
    CHECK(h.session.answers().empty());
    CHECK(h.session.locale().empty());
    CHECK(h.completed.empty());
}

TEST_CASE("amounts are typed digit by digit within the question's range") {
    Harness h;
    h.session.choose_language("en");
    h.session.accept_privacy();
    h.session.answer(std::string("no"));
    REQUIRE(h.session.current_question()->id == "salary");
    CHECK_FALSE(h.session.confirm_number());  // nothing typed yet
    h.session.type_digit(0);
    h.session.type_digit(4);  // a leading zero is dropped
    h.session.type_digit(8);
    h.session.type_digit(0);
    h.session.type_digit(0);
    CHECK(h.session.number_entry() == "4800");
    h.session.type_digit(1);  // 48001 is above the maximum of 10000: ignored
    CHECK(h.session.number_entry() == "4800");
    h.session.erase_digit();
    CHECK(h.session.number_entry() == "480");
    REQUIRE(h.session.confirm_number());
    CHECK(h.session.current_question()->id == "fear_leaving");
    CHECK(h.session.number_entry().empty());
    h.session.back();
    // Kept at the form's precision (step 100), rounded down: 480 is recorded as 400.
    CHECK(std::get<int>(h.session.answers().at("salary")) == 400);
}

TEST_CASE("an amount off the step is kept rounded down to the step") {
    Harness h;
    h.session.choose_language("en");
    h.session.accept_privacy();
    h.session.answer(std::string("no"));
    REQUIRE(h.session.current_question()->id == "salary");
    for (int digit : {4, 9, 9, 5}) h.session.type_digit(digit);
    REQUIRE(h.session.confirm_number());
    h.session.back();
    CHECK(std::get<int>(h.session.answers().at("salary")) ==
          4900);  // never 5000: a threshold on a step compares the same
}

TEST_CASE("the result and any typed digits are gone after a wipe") {
    Harness h;
    h.session.choose_language("en");
    h.session.accept_privacy();
    h.session.answer(std::string("no"));
    h.session.type_digit(5);
    h.session.wipe();
    CHECK(h.session.number_entry().empty());
    h.session.choose_language("en");
    h.session.accept_privacy();
    h.session.answer(std::string("no"));
    h.session.answer(4800);
    h.session.answer(std::string("no"));
    REQUIRE(h.session.assessment());
    h.session.wipe();
    CHECK(h.session.assessment() == nullptr);
}

TEST_CASE("changing language keeps the answers") {
    Harness h;
    h.session.choose_language("en");
    h.session.accept_privacy();
    h.session.answer(std::string("no"));
    h.session.choose_language("zh_Hant_HK");
    CHECK(h.session.locale() == "zh_Hant_HK");
    CHECK(h.session.current_question()->id == "salary");
    CHECK(h.session.answers().size() == 1);
    CHECK_THROWS_AS(h.session.choose_language("fr"), std::invalid_argument);
}

TEST_CASE("the privacy notice comes between the language and the first question") {
    Harness h;
    h.session.choose_language("zh_Hant_HK");
    CHECK(h.session.step() == Step::Privacy);
    CHECK(h.session.current_question() == nullptr);
    h.session.answer(std::string("yes"));  // no question is showing: ignored
    CHECK(h.session.answers().empty());
    h.session.accept_privacy();
    CHECK(h.session.current_question()->id == "has_loan");
    h.session.back();  // back from the first question shows the notice again
    CHECK(h.session.step() == Step::Privacy);
}

TEST_CASE("a site code records could not carry is refused when the session is set up") {
    TempDir dir;
    const Content content = sample_content(dir);
    auto today = [] { return std::string("2026-11-22"); };
    CHECK_THROWS_WITH(Session(content, SessionSettings{"Wan Chai Centre", today, {}}), Catch::Contains("site"));
    CHECK_THROWS_AS(Session(content, SessionSettings{"", today, {}}), std::invalid_argument);
    CHECK_NOTHROW(Session(content, SessionSettings{"wan-chai_2", today, {}}));
}
