// Records checked against the form version they name, using the repository's content/.

#include "server/validate/form_catalog.h"

#include "sample_records.h"
#include "server/api/record_decoder.h"
#include "temp_dir.h"  // tests/support

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

using collector::FormCatalog;
using nlohmann::json;

namespace {

const FormCatalog& catalog() {
    static const FormCatalog forms = FormCatalog::load({SELFCHECK_SOURCE_DIR "/content"});
    return forms;
}

std::string check(const json& body) {
    const collector::DecodeResult decoded = collector::decode_record(body.dump());
    INFO(decoded.error);
    REQUIRE(decoded.record);
    return catalog().check(*decoded.record);
}

}  // namespace

TEST_CASE("the sample record fits form version 1") {
    CHECK(catalog().describe() == "hk-mdw-self-assessment v1");
    CHECK(check(sample_record_json()).empty());
    json nothing_answered = sample_with("answers", json::object());
    nothing_answered["indicators"] = json::array();
    nothing_answered["result_level"] = "no_concerns";
    CHECK(check(nothing_answered).empty());
}

TEST_CASE("an unknown form id or version is named") {
    CHECK(check(sample_with("form_version", 2)) ==
          "form_version: form 'hk-mdw-self-assessment' version 2 is not known to this collector");
    CHECK(check(sample_with("form_id", "other-form")) ==
          "form_version: form 'other-form' version 1 is not known to this collector");
}

TEST_CASE("answers must be questions of the form with their own codes and ranges") {
    CHECK(check(sample_with_answer("favourite_colour", "red")) ==
          "answers.favourite_colour: no such question in form 'hk-mdw-self-assessment' version 1");
    CHECK(check(sample_with_answer("has_loan", "maybe")) == "answers.has_loan: 'maybe' is not one of its answers");
    CHECK(check(sample_with_answer("has_loan", 1)) == "answers.has_loan: expected an answer code, got a number");
    CHECK(check(sample_with_answer("monthly_salary", "lots")) ==
          "answers.monthly_salary: expected a whole number, got a string");
    CHECK(check(sample_with_answer("monthly_salary", 20010)) == "answers.monthly_salary: 20010 is outside 0 to 20000");
    CHECK(check(sample_with_answer("monthly_salary", -10)) == "answers.monthly_salary: -10 is outside 0 to 20000");
    CHECK(check(sample_with_answer("monthly_salary", 6005)) ==
          "answers.monthly_salary: 6005 is not a step of 10 from 0");
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
    CHECK(check(sample_with("language", "en")).empty());
}

TEST_CASE("a bad content directory or a version given twice stops loading, naming it") {
    selfcheck::testing::TempDir dir;
    CHECK_THROWS_WITH(FormCatalog::load({dir.path()}), Catch::Contains(dir.path().string()));
    const std::string content = SELFCHECK_SOURCE_DIR "/content";
    CHECK_THROWS_WITH(FormCatalog::load({content, content}), Catch::Contains("is given twice"));
}
