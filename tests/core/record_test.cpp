// The record a completed session hands over: the allow-listed fields only, declined and
// unasked questions left out, the same result the screen shows. (The record's rules, its
// JSON and its sealing are tested in tests/protocol.)
#include "protocol/record/record.h"

#include "kiosk/core/session.h"
#include "protocol/content/scoring.h"
#include "tests/support/random_session.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <set>

using namespace selfcheck;
using namespace selfcheck::testing;
using nlohmann::json;

namespace {

const Content& shipped_content() {
    static const Content content = load_content(SELFCHECK_SOURCE_DIR "/content");
    return content;
}

// Answers every question of the shipped form with "prefer not to say" where it is offered,
// otherwise with the first answer or the smallest number.
Record complete_preferring_not(const Content& content) {
    std::optional<Record> completed;
    Session session(content, SessionSettings{"site-a", [] { return std::string("2026-11-22"); },
                                             [&](Record r) { completed = std::move(r); }});
    session.choose_language("en");
    session.accept_privacy();
    while (const Question* q = session.current_question()) {
        if (q->type == QuestionType::Number)
            session.answer(q->id == "monthly_salary" ? AnswerValue(std::string(kPreferNotToSay))
                                                     : AnswerValue(q->number.min));
        else if (std::any_of(q->options.begin(), q->options.end(), [](auto& o) { return o.code == kPreferNotToSay; }))
            session.answer(std::string(kPreferNotToSay));
        else
            session.answer(q->options.front().code);
    }
    REQUIRE(completed);
    return *completed;
}

}  // namespace

TEST_CASE("a record built from a completed session has exactly the allow-listed keys") {
    std::mt19937 random(7);
    for (int i = 0; i < 50; ++i) {
        const Record record = complete_random_session(shipped_content(), random, "wan-chai-centre");
        const json j = json::parse(record_to_json(record));
        std::set<std::string> keys;
        for (const auto& [key, value] : j.items()) keys.insert(key);
        CHECK(keys == std::set<std::string>(record_fields().begin(), record_fields().end()));
        CHECK(j.at("schema") == 1);
        CHECK(j.at("form_id") == "hk-mdw-self-assessment");
        CHECK(j.at("site") == "wan-chai-centre");
        CHECK(j.at("completed_on") == "2026-11-22");
        CHECK(std::is_sorted(j.at("indicators").begin(), j.at("indicators").end()));
        for (const auto& [question, value] : j.at("answers").items()) {
            CHECK(shipped_content().form.find(question) != nullptr);
            CHECK(value != kPreferNotToSay);
        }
    }
}

TEST_CASE("prefer not to say and questions not asked are absent from the record") {
    const Record record = complete_preferring_not(shipped_content());
    CHECK_FALSE(record.answers.count("monthly_salary"));  // a number question: prefer not
    for (const auto& [question, value] : record.answers) {
        const auto* code = std::get_if<std::string>(&value);
        CHECK((code == nullptr || *code != kPreferNotToSay));
    }
    // Every answer kept is one the form asked and could offer.
    CHECK(record.answers.size() < shipped_content().form.questions.size());
    CHECK_FALSE(record.result_level.empty());
}

TEST_CASE("the indicators and result level are those of the assessment") {
    std::mt19937 random(11);
    for (int i = 0; i < 20; ++i) {
        const Record record = complete_random_session(shipped_content(), random);
        const Assessment again = assess(shipped_content(), record.answers, record.completed_on);
        CHECK(record.indicators == std::vector<std::string>(again.indicators.begin(), again.indicators.end()));
        CHECK(record.result_level == again.level->id);
    }
}
