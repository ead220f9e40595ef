// A record checked against the form version it names (protocol/record/record_rules.h), the
// skip logic both sides share (protocol/content/form.h), and records built from answers.
#include "protocol/record/record_rules.h"

#include "protocol/content/scoring.h"
#include "tests/protocol/conditions.h"
#include "tests/support/random_session.h"
#include "tests/support/sample_record.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <random>
#include <string>

using namespace selfcheck;
using nlohmann::json;
using testing::answer_in;

namespace {

const Content& shipped() {
    static const Content content = load_content(SELFCHECK_SOURCE_DIR "/content");
    return content;
}

// "" when `body` passes check_record against the shipped content, else the reason.
std::string check(const json& body) {
    try {
        check_record(shipped(), record_from_json(body.dump()));
    } catch (const RecordError& e) {
        return e.what();
    }
    return "";
}

Question yes_no(const std::string& id, std::optional<Condition> show_if = std::nullopt) {
    Question q;
    q.id = id;
    q.options = {{"yes", "answer.yes"}, {"no", "answer.no"}, {kPreferNotToSay, "answer.prefer_not"}};
    q.show_if = std::move(show_if);
    return q;
}

}  // namespace

TEST_CASE("the sample record fits form version 1") {
    CHECK(check(sample_record_json()) == "");
    json nothing_answered = sample_with("answers", json::object());
    nothing_answered["indicators"] = json::array();
    nothing_answered["result_level"] = "few_answers";  // nothing answered: the answers cannot show all is well
    CHECK(check(nothing_answered) == "");
    CHECK(check(sample_with("language", "en")) == "");
}

TEST_CASE("a record of another form or version is not checked against this one") {
    CHECK(check(sample_with("form_version", 2)) ==
          "form_version: form 'hk-mdw-self-assessment' version 2 is not form 'hk-mdw-self-assessment' version 1");
    CHECK_THAT(check(sample_with("form_id", "other-form")), Catch::StartsWith("form_version: form 'other-form'"));
}

TEST_CASE("the language must be one the form offers, whatever its shape allows") {
    CHECK(check(sample_with("language", "tl")) ==
          "language: 'tl' is not offered by form 'hk-mdw-self-assessment' version 1");
    for (const Language& language : shipped().form.languages)
        CHECK(check(sample_with("language", language.locale)) == "");
}

TEST_CASE("answers must be questions of the form with their own codes and ranges") {
    CHECK(check(sample_with_answer("favourite_colour", "red")) ==
          "answers.favourite_colour: no such question in form 'hk-mdw-self-assessment' version 1");
    CHECK(check(sample_with_answer("has_loan", "maybe")) == "answers.has_loan: 'maybe' is not one of its answers");
    CHECK(check(sample_with_answer("has_loan", 1)) == "answers.has_loan: expected an answer code, got a number");
    CHECK(check(sample_with_answer("monthly_salary", "lots")) ==
          "answers.monthly_salary: expected a whole number, got an answer code");
    CHECK(check(sample_with_answer("monthly_salary", 20010)) == "answers.monthly_salary: 20010 is outside 0 to 20000");
    CHECK(check(sample_with_answer("monthly_salary", -10)) == "answers.monthly_salary: -10 is outside 0 to 20000");
    CHECK(check(sample_with_answer("monthly_salary", 6005)) ==
          "answers.monthly_salary: 6005 is not a step of 10 from 0");
}

TEST_CASE("\"prefer not to say\" is never part of a record") {
    CHECK(check(sample_with_answer("has_loan", kPreferNotToSay)) ==
          "answers.has_loan: \"prefer not to say\" is never kept in a record");
}

TEST_CASE("an answer to a question the skip logic does not ask is refused") {
    json body = sample_with_answer("has_loan", "no");
    body["answers"]["loan_from_agency"] = "yes";
    body["indicators"] = json::array();
    body["result_level"] = "no_concerns";
    CHECK(check(body) ==
          "answers.loan_from_agency: the skip logic of form 'hk-mdw-self-assessment' version 1 "
          "does not ask this question given the other answers");
    body["answers"].erase("has_loan");  // no gate answer at all asks nothing behind it either
    CHECK_THAT(check(body), Catch::StartsWith("answers.loan_from_agency: the skip logic"));
    body["answers"]["has_loan"] = "yes";
    body["indicators"] = {"debt_bondage"};
    body["result_level"] = "rights_concerns";
    CHECK(check(body) == "");
}

TEST_CASE("indicators and level must exist and follow from the answers") {
    CHECK(check(sample_with("indicators", {"debt_bondage", "made_up"})) ==
          "indicators[1]: 'made_up' is not an indicator of form 'hk-mdw-self-assessment' version 1");
    CHECK(check(sample_with("result_level", "doomed")) ==
          "result_level: 'doomed' is not a level of form 'hk-mdw-self-assessment' version 1");
    CHECK(check(sample_with("indicators", json::array())) ==
          "indicators: do not follow from the answers under form 'hk-mdw-self-assessment' version 1");
    CHECK(check(sample_with("result_level", "no_concerns")) ==
          "result_level: does not follow from the answers under form 'hk-mdw-self-assessment' version 1");
}

TEST_CASE("a hidden question hides what hangs on it, and its stale answer counts for nothing") {
    Form form;
    form.questions = {yes_no("gate"), yes_no("middle", answer_in("gate", {"yes"})),
                      yes_no("leaf", answer_in("middle", {"yes"}))};
    // After Back she changed the gate to no: middle and leaf still hold their old answers.
    const Answers stale{{"gate", std::string("no")}, {"middle", std::string("yes")}, {"leaf", std::string("yes")}};
    CHECK(asked_questions(form, stale) == std::vector<bool>{true, false, false});
    CHECK(counted_answers(form, stale) == Answers{{"gate", std::string("no")}});
    const Answers open{{"gate", std::string("yes")}, {"middle", std::string("yes")}};
    CHECK(asked_questions(form, open) == std::vector<bool>{true, true, true});
    // "Prefer not to say" is no answer: it opens nothing and is never counted.
    const Answers declined{{"gate", std::string(kPreferNotToSay)}};
    CHECK(asked_questions(form, declined) == std::vector<bool>{true, false, false});
    CHECK(counted_answers(form, declined).empty());
}

TEST_CASE("\"prefer not to say\" raises no signal, even under a not") {
    Content content;
    Question q = yes_no("free_to_leave");
    Signal signal;
    signal.when.kind = Condition::Kind::Not;
    signal.when.children = {answer_in("free_to_leave", {"yes"})};
    signal.indicator = "limited_freedom_to_terminate";
    signal.dimension = "impossibility_of_leaving";
    signal.role = "involuntariness";
    q.signals = {signal};
    content.form.questions = {q};
    content.scoring.levels = {ResultLevel{"no_concerns", ResultLevel::When::Always, "", "", ""}};
    CHECK(assess(content, {{"free_to_leave", std::string(kPreferNotToSay)}}, "2026-12-01").indicators.empty());
    CHECK(assess(content, {{"free_to_leave", std::string("no")}}, "2026-12-01")
              .indicators.count("limited_freedom_to_terminate"));
}

TEST_CASE("a built record always passes the check the collector makes") {
    std::mt19937 random(20261201);
    for (int i = 0; i < 300; ++i) {
        const Record record = testing::complete_random_session(shipped(), random, "wan-chai-centre");
        CHECK_NOTHROW(check_record(shipped(), record));
        for (const auto& [question, value] : record.answers) CHECK(value != AnswerValue(std::string(kPreferNotToSay)));
        const Assessment again = assess(shipped(), record.answers, record.completed_on);
        CHECK(record.indicators == std::vector<std::string>(again.indicators.begin(), again.indicators.end()));
    }
}

TEST_CASE("building leaves out stale and declined answers and refuses what the form does not offer") {
    const Answers stale{{"has_loan", std::string("no")},
                        {"loan_from_agency", std::string("yes")},
                        {"passport_holder", std::string(kPreferNotToSay)}};
    const Record record = build_record(shipped(), "en", stale, "site-a", "2026-11-22");
    CHECK(record.answers == Answers{{"has_loan", std::string("no")}});
    CHECK_THROWS_WITH(
        build_record(shipped(), "en", {{"passport_holder", std::string("my sister Ana")}}, "site-a", "2026-11-22"),
        Catch::Contains("passport_holder"));
    CHECK_THROWS_WITH(build_record(shipped(), "en", {{"full_name", std::string("x")}}, "site-a", "2026-11-22"),
                      Catch::Contains("full_name"));
    CHECK_THROWS_WITH(build_record(shipped(), "en", {}, "Wan Chai Centre!", "2026-11-22"), Catch::Contains("site"));
    CHECK_THROWS_WITH(build_record(shipped(), "tl", {}, "site-a", "2026-11-22"), Catch::Contains("language"));
    CHECK_THROWS_WITH(build_record(shipped(), "en", {}, "site-a", "2026-11-31"), Catch::Contains("completed_on"));
}

TEST_CASE("a record is scored on the day it was completed, on both sides") {
    // HK$4,860: on 2025-12-01 a HK$4,730 contract may still be running, so only today's rate is
    // breached; on 2026-12-01 it is below every rate still running (the ILO "very low wages").
    const Answers answers{{"monthly_salary", 4860}};
    const Record last_year = build_record(shipped(), "en", answers, "site-a", "2025-12-01");
    const Record this_year = build_record(shipped(), "en", answers, "site-a", "2026-12-01");
    CHECK(last_year.indicators.empty());
    CHECK(this_year.indicators == std::vector<std::string>{"abusive_working_and_living_conditions"});
    CHECK_NOTHROW(check_record(shipped(), last_year));
    CHECK_NOTHROW(check_record(shipped(), this_year));
    Record moved = this_year;
    moved.completed_on = "2025-12-01";  // the same findings claimed for another day
    CHECK_THROWS_WITH(check_record(shipped(), moved), Catch::Contains("indicators: do not follow from the answers"));
    moved.completed_on = "2025-02-30";
    CHECK_THROWS_WITH(check_record(shipped(), moved), Catch::Contains("completed_on"));
}

TEST_CASE("record ids are random 128-bit hex, not counters") {
    std::set<std::string> ids;
    for (int i = 0; i < 1000; ++i) ids.insert(random_record_id());
    CHECK(ids.size() == 1000);
    for (const auto& id : ids) CHECK(is_record_id(id));
}
