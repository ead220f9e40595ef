// The anonymised record: built from an allow-list, checked against it, sealed so only the
// NGO's secret key opens it.
#include "record.h"

#include "base64.h"
#include "random_session.h"
#include "record_allow_list.h"
#include "seal.h"
#include "session.h"
#include "test_keys.h"

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

std::string valid_record_json() {
    return json{{"schema", 1},
                {"record_id", "0123456789abcdef0123456789abcdef"},
                {"form_id", "hk-mdw-self-assessment"},
                {"form_version", 1},
                {"language", "id"},
                {"site", "wan-chai-centre"},
                {"completed_on", "2026-11-22"},
                {"answers", {{"passport_holder", "employer"}, {"monthly_salary", 4500}}},
                {"indicators", {"retention_of_identity_documents", "withholding_of_wages"}},
                {"result_level", "forced_labour_signs"}}
        .dump();
}

std::string with(const std::string& record, const std::string& field, const json& value) {
    json j = json::parse(record);
    j[field] = value;
    return j.dump();
}

// Answers every question of the shipped form with "prefer not to say" where it is offered,
// otherwise with the first answer or the smallest number.
AnonymisedRecord complete_preferring_not(const Content& content) {
    std::optional<AnonymisedRecord> completed;
    Session session(content, SessionSettings{"site-a", [] { return std::string("2026-11-22"); },
                                             [&](AnonymisedRecord r) { completed = std::move(r); }});
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
        const AnonymisedRecord record = complete_random_session(shipped_content(), random, "wan-chai-centre");
        const json j = json::parse(to_json(record));
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
    const AnonymisedRecord record = complete_preferring_not(shipped_content());
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
        const AnonymisedRecord record = complete_random_session(shipped_content(), random);
        const Assessment again = assess(shipped_content(), record.answers);
        CHECK(record.indicators == std::vector<std::string>(again.indicators.begin(), again.indicators.end()));
        CHECK(record.result_level == again.level->id);
    }
}

TEST_CASE("the allow-list accepts the protocol's example record") {
    CHECK_NOTHROW(check_record_json(valid_record_json()));
}

TEST_CASE("a record with a field off the allow-list is refused and the field is named") {
    CHECK_THROWS_WITH(check_record_json(with(valid_record_json(), "phone", "+852 5555 0000")),
                      Catch::Contains("unknown field \"phone\""));
    CHECK_THROWS_WITH(check_record_json(with(valid_record_json(), "completed_at", "2026-11-22T10:31:00")),
                      Catch::Contains("completed_at"));
}

TEST_CASE("the allow-list refuses missing fields and values of the wrong kind") {
    json missing = json::parse(valid_record_json());
    missing.erase("site");
    CHECK_THROWS_WITH(check_record_json(missing.dump()), Catch::Contains("site: required field is missing"));
    CHECK_THROWS_WITH(check_record_json(with(valid_record_json(), "completed_on", "2026-11-22 10:31")),
                      Catch::Contains("completed_on"));
    CHECK_THROWS_WITH(check_record_json(with(valid_record_json(), "record_id", "42")), Catch::Contains("record_id"));
    CHECK_THROWS_WITH(check_record_json(with(valid_record_json(), "answers", {{"name", "Siti Aminah"}})),
                      Catch::Contains("answers.name"));
    CHECK_THROWS_WITH(check_record_json(with(valid_record_json(), "answers", {{"x", {{"nested", 1}}}})),
                      Catch::Contains("answers.x"));
    CHECK_THROWS_WITH(check_record_json(with(valid_record_json(), "indicators", {"b", "a"})),
                      Catch::Contains("indicators"));
    CHECK_THROWS_WITH(check_record_json(with(valid_record_json(), "schema", 2)), Catch::Contains("schema"));
    CHECK_THROWS_AS(check_record_json("[1,2]"), RecordError);
    CHECK_THROWS_AS(check_record_json("not json"), RecordError);
}

TEST_CASE("building refuses an answer the form does not offer") {
    const Form& form = shipped_content().form;
    const Assessment assessment = assess(shipped_content(), {});
    CHECK_THROWS_WITH(build_record(form, "en", {{"passport_holder", std::string("my sister Ana")}}, assessment,
                                   "site-a", "2026-11-22"),
                      Catch::Contains("passport_holder"));
    CHECK_THROWS_WITH(build_record(form, "en", {{"full_name", std::string("x")}}, assessment, "site-a", "2026-11-22"),
                      Catch::Contains("full_name"));
    CHECK_THROWS_WITH(build_record(form, "en", {}, assessment, "Wan Chai Centre!", "2026-11-22"),
                      Catch::Contains("site"));
}

TEST_CASE("record ids are random 128-bit hex, not counters") {
    std::set<std::string> ids;
    for (int i = 0; i < 1000; ++i) ids.insert(random_record_id());
    CHECK(ids.size() == 1000);
    for (const auto& id : ids)
        CHECK((id.size() == 32 && id.find_first_not_of("0123456789abcdef") == std::string::npos));
}

TEST_CASE("a sealed record opens only with the NGO's secret key") {
    const TestKeyPair ngo, other;
    std::mt19937 random(3);
    const std::string record = to_json(complete_random_session(shipped_content(), random));
    const std::string sealed = seal_record(record, parse_public_key(ngo.public_base64()));
    CHECK(sealed.size() == record.size() + crypto_box_SEALBYTES);
    CHECK(sealed.find("\"answers\"") == std::string::npos);
    CHECK(ngo.open(sealed) == record);
    CHECK_THROWS(other.open(sealed));
    // Sealing twice gives different boxes: an ephemeral key each time.
    CHECK(seal_record(record, ngo.public_key) != sealed);
}

TEST_CASE("a public key is parsed from base64 with a clear error") {
    const TestKeyPair ngo;
    CHECK(parse_public_key(ngo.public_base64()) == ngo.public_key);
    CHECK_THROWS_WITH(parse_public_key("not base64!"), Catch::Contains("ngo_public_key: not valid base64"));
    CHECK_THROWS_WITH(parse_public_key(to_base64(std::string(64, 'k'))), Catch::Contains("expected 32 bytes, got 64"));
    CHECK_THROWS_WITH(parse_public_key(""), Catch::Contains("expected 32 bytes, got 0"));
    CHECK_THROWS_AS(parse_public_key(ngo.public_base64() + "="), KeyError);
}

TEST_CASE("base64 round-trips bytes with the standard alphabet and padding") {
    const std::string bytes("\x00\xff\xfe\x10 ab", 7);
    CHECK(to_base64(bytes) == "AP/+ECBhYg==");
    CHECK(from_base64(to_base64(bytes), "x") == bytes);
    CHECK_THROWS_AS(from_base64("AP_-ECBhYg==", "x"), Base64Error);  // URL-safe alphabet is not ours
    CHECK_THROWS_AS(from_base64("AP/+ECBhYg", "x"), Base64Error);    // padding is required
}
