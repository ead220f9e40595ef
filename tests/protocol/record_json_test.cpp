// The record's one JSON form and its strict reader (protocol/record/record.h): what the kiosk
// writes and the collector reads, refused field by field when it is anything else.
#include "protocol/record/record.h"
#include "tests/support/sample_record.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <random>
#include <set>
#include <string>
#include <vector>

using namespace selfcheck;
using nlohmann::json;

namespace {

// Reads `body`, requiring a refusal, and returns the reason.
std::string rejection_for(const std::string& body) {
    INFO("body: " << body);
    try {
        record_from_json(body);
    } catch (const RecordError& e) {
        return e.what();
    }
    FAIL("the record was accepted");
    return "";
}

std::string rejection_for(const json& body) { return rejection_for(body.dump()); }

bool accepted(const json& body) {
    try {
        record_from_json(body.dump());
        return true;
    } catch (const RecordError& e) {
        UNSCOPED_INFO(e.what());
        return false;
    }
}

json sample_without(const std::string& field) {
    json body = sample_record_json();
    body.erase(field);
    return body;
}

}  // namespace

TEST_CASE("a valid record reads field by field and writes back as canonical JSON") {
    const Record record = record_from_json(
        R"({"answers": {"monthly_salary": 4800, "has_loan": "yes"}, "site": "demo-site",
          "record_id": "0123456789abcdef0123456789abcdef", "form_id": "hk-mdw-self-assessment",
          "form_version": 1, "language": "id", "completed_on": "2026-11-22", "schema": 1,
          "indicators": ["debt_bondage", "deception"], "result_level": "rights_concerns"})");
    CHECK(record.record_id == kSampleRecordId);
    CHECK(record.form_id == "hk-mdw-self-assessment");
    CHECK(record.form_version == 1);
    CHECK(record.language == "id");
    CHECK(record.site == "demo-site");
    CHECK(record.completed_on == "2026-11-22");
    CHECK(record.answers == Answers{{"has_loan", std::string("yes")}, {"monthly_salary", 4800}});
    CHECK(answers_to_json(record.answers) == R"({"has_loan":"yes","monthly_salary":4800})");
    CHECK(record.schema == 1);
    CHECK(record.indicators == std::vector<std::string>{"debt_bondage", "deception"});
    CHECK(record.result_level == "rights_concerns");
    CHECK(record_from_json(record_to_json(record)) == record);
    std::set<std::string> keys;
    const json written = json::parse(record_to_json(record));
    for (const auto& [key, value] : written.items()) keys.insert(key);
    CHECK(keys == std::set<std::string>(record_fields().begin(), record_fields().end()));
}

TEST_CASE("schema must be 1") {
    CHECK(rejection_for(sample_with("schema", 2)) == "schema: expected the integer 1, got an integer");
    CHECK_THAT(rejection_for(sample_with("schema", "1")), Catch::StartsWith("schema:"));
}

TEST_CASE("indicators must be sorted ids, each once, and result_level an id") {
    CHECK(accepted(sample_with("indicators", json::array())));
    CHECK_THAT(rejection_for(sample_with("indicators", "debt_bondage")),
               Catch::StartsWith("indicators: expected an array"));
    CHECK(rejection_for(sample_with("indicators", {"deception", "debt_bondage"})) ==
          "indicators[1]: 'debt_bondage' is out of order or repeated (expected sorted, each once)");
    CHECK_THAT(rejection_for(sample_with("indicators", {"deception", "deception"})),
               Catch::StartsWith("indicators[1]:"));
    CHECK_THAT(rejection_for(sample_with("indicators", {"Debt Bondage"})), Catch::StartsWith("indicators[0]:"));
    CHECK_THAT(rejection_for(sample_with("indicators", {"debt-bondage"})), Catch::StartsWith("indicators[0]:"));
    CHECK_THAT(rejection_for(sample_with("indicators", {1})), Catch::StartsWith("indicators[0]:"));
    CHECK_THAT(rejection_for(sample_with("indicators", std::vector<std::string>(65, "a"))),
               Catch::StartsWith("indicators: more than 64"));
    CHECK_THAT(rejection_for(sample_with("result_level", "")), Catch::StartsWith("result_level:"));
    CHECK_THAT(rejection_for(sample_with("result_level", 3)), Catch::StartsWith("result_level:"));
}

TEST_CASE("any locale id, leap days, negative and empty answers are of the right shape") {
    // Which languages a form offers is the form's to say (record_rules.h), not this reader's.
    for (const char* language : {"id", "fil", "en", "zh_Hant_HK", "ne", "th", "ur_PK"})
        CHECK(accepted(sample_with("language", language)));
    for (const char* language : {"", "x", "Tagalog", "zh-Hant-HK", "id_", "../en"})
        CHECK_THAT(rejection_for(sample_with("language", language)), Catch::StartsWith("language:"));
    CHECK(accepted(sample_with("completed_on", "2028-02-29")));
    CHECK(accepted(sample_with("completed_on", "2000-02-29")));
    CHECK(accepted(sample_with_answer("debt_change", -1200)));
    CHECK(accepted(sample_with("answers", json::object())));
    CHECK(accepted(sample_with("form_version", 2147483647)));
}

TEST_CASE("record_id must be 32 lowercase hex characters") {
    for (const json& bad : {json("0123456789ABCDEF0123456789ABCDEF"), json("0123456789abcdef"),
                            json("0123456789abcdef0123456789abcdeg"), json(12345), json(nullptr)})
        CHECK_THAT(rejection_for(sample_with("record_id", bad)),
                   Catch::StartsWith("record_id: expected 32 lowercase hex"));
}

TEST_CASE("completed_on must be a calendar date without a time of day") {
    CHECK_THAT(rejection_for(sample_with("completed_on", "2026-11-22T10:15:00")),
               Catch::StartsWith("completed_on: expected a date as YYYY-MM-DD with no time of day"));
    CHECK_THAT(rejection_for(sample_with("completed_on", "2026-11-22 10:15")), Catch::StartsWith("completed_on:"));
    CHECK_THAT(rejection_for(sample_with("completed_on", "22/11/2026")), Catch::StartsWith("completed_on:"));
    CHECK(rejection_for(sample_with("completed_on", "2026-02-30")) ==
          "completed_on: 2026-02-30 is not a date on the calendar");
    CHECK_THAT(rejection_for(sample_with("completed_on", "2027-02-29")), Catch::StartsWith("completed_on:"));
    CHECK_THAT(rejection_for(sample_with("completed_on", "2026-13-01")), Catch::StartsWith("completed_on:"));
    CHECK_THAT(rejection_for(sample_with("completed_on", "2026-04-31")), Catch::StartsWith("completed_on:"));
    CHECK_THAT(rejection_for(sample_with("completed_on", "0000-01-01")), Catch::StartsWith("completed_on:"));
}

TEST_CASE("a field off the allow-list is refused by name") {
    CHECK_THAT(rejection_for(sample_with("worker_name", "Siti")), Catch::StartsWith("unknown field 'worker_name'"));
    CHECK_THAT(rejection_for(sample_with("phone", "+852 5555 0000")), Catch::StartsWith("unknown field 'phone'"));
    CHECK_THAT(rejection_for(sample_with("completed_at", "2026-11-22T10:31:00")),
               Catch::StartsWith("unknown field 'completed_at'"));
    CHECK_THAT(rejection_for(sample_with("Phone\n", "5555")), Catch::StartsWith("unknown field 'Phone?'"));
}

TEST_CASE("each missing field is named") {
    for (const std::string& field : record_fields())
        CHECK(rejection_for(sample_without(field)) == field + ": required field is missing");
}

TEST_CASE("other fields are checked against their rules") {
    CHECK_THAT(rejection_for(sample_with("form_id", "")), Catch::StartsWith("form_id:"));
    CHECK_THAT(rejection_for(sample_with("form_id", "HK form")), Catch::StartsWith("form_id:"));
    CHECK_THAT(rejection_for(sample_with("form_id", std::string(65, 'a'))), Catch::StartsWith("form_id:"));
    CHECK_THAT(rejection_for(sample_with("site", "demo/site")), Catch::StartsWith("site:"));
    CHECK_THAT(rejection_for(sample_with("site", "Wan Chai Centre!")), Catch::StartsWith("site:"));
    CHECK_THAT(rejection_for(sample_with("form_version", 0)), Catch::StartsWith("form_version:"));
    CHECK_THAT(rejection_for(sample_with("form_version", -3)), Catch::StartsWith("form_version:"));
    CHECK_THAT(rejection_for(sample_with("form_version", 1.5)), Catch::StartsWith("form_version:"));
    CHECK_THAT(rejection_for(sample_with("form_version", "1")), Catch::EndsWith("got a string"));
}

TEST_CASE("nested junk, free text and bad answers are refused, naming the answer") {
    CHECK(rejection_for(sample_with_answer("has_loan", {{"amount", 1}})) ==
          "answers.has_loan: expected a string or an integer, got an object");
    CHECK_THAT(rejection_for(sample_with_answer("has_loan", json::array({"yes"}))),
               Catch::StartsWith("answers.has_loan: expected a string or an integer"));
    CHECK_THAT(rejection_for(sample_with_answer("has_loan", true)), Catch::StartsWith("answers.has_loan:"));
    CHECK_THAT(rejection_for(sample_with_answer("has_loan", 4800.5)), Catch::StartsWith("answers.has_loan:"));
    CHECK_THAT(rejection_for(sample_with_answer("has_loan", "Yes please")), Catch::StartsWith("answers.has_loan:"));
    CHECK_THAT(rejection_for(sample_with("answers", {{"name", "Siti Aminah"}})), Catch::StartsWith("answers.name:"));
    CHECK_THAT(rejection_for(sample_with_answer("Employer Name", "x")),
               Catch::StartsWith("answers: key 'Employer Name'"));
    CHECK_THAT(rejection_for(sample_with("answers", json::array())), Catch::StartsWith("answers: expected an object"));
    CHECK_THAT(rejection_for(std::string(R"({"answers":)") + std::string(100, '[') + std::string(100, ']') + "}"),
               Catch::Contains("nested more than"));
}

TEST_CASE("huge numbers are refused, not wrapped or rounded") {
    CHECK_THAT(rejection_for(sample_with("form_version", 2147483648LL)), Catch::StartsWith("form_version:"));
    CHECK_THAT(rejection_for(sample_with("form_version", 18446744073709551615ULL)), Catch::StartsWith("form_version:"));
    CHECK_THAT(rejection_for(sample_with_answer("monthly_salary", 9007199254740992LL)),
               Catch::StartsWith("answers.monthly_salary: integer outside"));
    CHECK_THAT(rejection_for(sample_with_answer("monthly_salary", -9007199254740992LL)),
               Catch::StartsWith("answers.monthly_salary:"));
    std::string body = sample_record_json().dump();
    body.replace(body.find("6000"), 4, "123456789012345678901234567890");
    CHECK_THAT(rejection_for(body), Catch::StartsWith("answers.monthly_salary:"));
    body = sample_record_json().dump();
    body.replace(body.find("6000"), 4, "1e999");
    CHECK_THAT(rejection_for(body), Catch::StartsWith("body: not valid JSON"));
}

TEST_CASE("bodies that are not a JSON object are refused") {
    CHECK_THAT(rejection_for(std::string("")), Catch::StartsWith("body: not valid JSON"));
    CHECK_THAT(rejection_for(std::string("{\"record_id\":")), Catch::StartsWith("body: not valid JSON"));
    CHECK_THAT(rejection_for(std::string("not json")), Catch::StartsWith("body: not valid JSON"));
    CHECK(rejection_for(std::string("[1,2,3]")) == "body: expected a JSON object, got an array");
    CHECK(rejection_for(std::string("\"text\"")) == "body: expected a JSON object, got a string");
    CHECK(rejection_for(std::string("null")) == "body: expected a JSON object, got null");
    CHECK_THAT(rejection_for(std::string("{\"site\":\"\xff\xfe\"}")), Catch::StartsWith("body: not valid JSON"));
}

TEST_CASE("a key repeated in one object is refused") {
    std::string body = sample_record_json().dump();
    body.insert(1, R"("site":"other-site",)");
    CHECK(rejection_for(body) == "body: key 'site' appears twice in one object");
}

TEST_CASE("a NUL byte anywhere is refused, never read as the end of the record") {
    const std::string valid = sample_record_json().dump();
    CHECK_THAT(rejection_for(valid + std::string(1, '\0') + R"({"phone":"5555"})"),
               Catch::StartsWith("body: a NUL byte at byte " + std::to_string(valid.size())));
    std::string inside = valid;
    inside.insert(inside.find("demo-site") + 4, 1, '\0');
    CHECK_THAT(rejection_for(inside), Catch::StartsWith("body: a NUL byte"));
}

TEST_CASE("mangled records are refused with a reason and never throw anything else") {
    const std::string valid = sample_record_json().dump();
    std::mt19937 random(20261122);  // fixed seed: failures reproduce
    const std::string junk =
        "{}[]\",:0123456789-eE.\\ \xff"
        "abc";
    int refused = 0;
    for (int round = 0; round < 5000; ++round) {
        std::string body = valid;
        const int edits = 1 + static_cast<int>(random() % 4);
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = random() % body.size();
            switch (random() % 3) {
            case 0: body[at] = junk[random() % junk.size()]; break;
            case 1: body.erase(at, 1 + random() % 8); break;
            default: body.insert(at, 1, junk[random() % junk.size()]); break;
            }
            if (body.empty()) body = "{";
        }
        try {
            const Record record = record_from_json(body);
            CHECK(record_from_json(record_to_json(record)) == record);
        } catch (const RecordError& e) {
            ++refused;
            CHECK(std::string(e.what()).find(':') != std::string::npos);  // names where
        }
    }
    CHECK(refused > 2500);  // most mangling breaks the record: the loop did exercise refusals
}
