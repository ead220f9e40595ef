// `kiosk --walk DIR --answers FILE`: a trainer's chosen path through the form, checked
// against the form before the walk starts, then followed tap by tap.
#include "kiosk/app/answers_file.h"

#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/test_driver.h"
#include "tests/support/temp_dir.h"
#include "tests/ui/ui_test_support.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace selfcheck;
using namespace selfcheck::testing;

namespace {

std::filesystem::path write(const TempDir& dir, const std::string& text) {
    const auto file = dir.path() / "answers.yaml";
    std::ofstream(file) << text;
    return file;
}

const Form& form() {
    static const Content content = load_content(SELFCHECK_SOURCE_DIR "/content");
    return content.form;
}

}  // namespace

TEST_CASE("an answers file names questions and codes of the form, else says which line is wrong") {
    TempDir dir;
    const auto ok =
        load_answers_file(write(dir, "violence: \"yes\"\nmonthly_salary: 4000\nlocked_in: prefer_not\n"), form());
    CHECK(std::get<std::string>(ok.at("violence")) == "yes");
    CHECK(std::get<int>(ok.at("monthly_salary")) == 4000);
    CHECK(std::get<std::string>(ok.at("locked_in")) == "prefer_not");

    CHECK_THROWS_WITH(load_answers_file(write(dir, "violence: \"yes\"\nno_such_question: \"no\"\n"), form()),
                      Catch::Matchers::Contains("answers.yaml:2") &&
                          Catch::Matchers::Contains("'no_such_question' is not a question"));
    CHECK_THROWS_WITH(load_answers_file(write(dir, "violence: maybe\n"), form()),
                      Catch::Matchers::Contains("answers.yaml:1") &&
                          Catch::Matchers::Contains("'maybe' is not an answer") &&
                          Catch::Matchers::Contains("yes, no"));
    CHECK_THROWS_WITH(load_answers_file(write(dir, "monthly_salary: lots\n"), form()),
                      Catch::Matchers::Contains("needs a whole number"));
    CHECK_THROWS_WITH(load_answers_file(write(dir, "monthly_salary: 99999999\n"), form()),
                      Catch::Matchers::Contains("must be from"));
    CHECK_THROWS_WITH(load_answers_file(write(dir, "- violence\n"), form()),
                      Catch::Matchers::Contains("expected a map"));
    CHECK_THROWS_WITH(load_answers_file(dir.path() / "missing.yaml", form()),
                      Catch::Matchers::Contains("cannot be read"));
}

TEST_CASE("a walk follows the answers file and takes the first answer elsewhere") {
    TempDir dir;
    KioskApp app(headless(800, 1280));
    TestDriver driver(app);
    std::map<std::string, AnswerValue> chosen = {{"monthly_salary", AnswerValue(4000)},
                                                 {"violence", AnswerValue(std::string("yes"))}};
    const AnswerPolicy policy = answers_policy(chosen);
    std::map<std::string, AnswerValue> given;  // what the walk tapped (the session forgets at the result)
    walk_to(driver, app, "en", [&](const Question& q, const Answers& a) { return given[q.id] = policy(q, a); });
    REQUIRE(app.screen_name() == "result");
    CHECK(std::get<int>(given.at("monthly_salary")) == 4000);
    CHECK(std::get<std::string>(given.at("violence")) == "yes");
    CHECK(app.session().assessment()->indicators.count("physical_and_sexual_violence") == 1);
    // Unnamed questions got their first answer.
    const Question& first = app.form().questions.front();
    CHECK(std::get<std::string>(given.at(first.id)) == first.options.front().code);
}
