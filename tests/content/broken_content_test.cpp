// A corpus of deliberately broken content: each case breaks one thing in a copy of the
// shipped content (or its translations) and must fail with the message an author needs.
#include "protocol/content/content.h"
#include "protocol/content/content_error.h"
#include "protocol/content/content_messages.h"
#include "protocol/content/content_validator.h"
#include "protocol/content/messages.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>

using namespace selfcheck;
using selfcheck::testing::TempDir;

namespace {

struct BrokenCase {
    const char* file;  // under content/ or locales/
    const char* find;  // text to replace (first occurrence; must exist)
    const char* replace;
    const char* expected;  // part of the error an author would see
};

const BrokenCase kCases[] = {
    // Malformed files: the loader names file, line and column.
    {"content/form.yaml", "{ locale: id, label: \"Bahasa Indonesia\" }", "{ locale: id, label: \"Bahasa Indonesia\" ",
     "form.yaml:"},
    {"content/form.yaml", "type: number", "type: slider", "expected choice or number, found 'slider'"},
    {"content/form.yaml", "show_if: { question: has_loan", "show_if: { question: no_such_question",
     "no earlier question 'no_such_question'"},
    {"content/form.yaml", "strength: strong", "strength: very", "expected one of strong, medium, found 'very'"},
    {"content/form.yaml", "        answers: yes_no\n", "        answers: yes_no\n        colour: red\n",
     "unknown key 'colour'"},
    {"content/rights.yaml", "value: 10", "value: lots", "expected a whole number, found 'lots'"},
    // Every number carries its review dates, as dates; dated steps go forward in time.
    {"content/rights.yaml", "    review_by: 2027-12-01\n", "",
     "constant 'agency_fee_max_percent': missing required key 'review_by'"},
    {"content/rights.yaml", "checked_on: 2026-12-01", "checked_on: last week",
     "'checked_on': expected a date YYYY-MM-DD, found 'last week'"},
    {"content/rights.yaml", "{ from: 2023-09-30, value: 4870", "{ from: 2021-09-30, value: 4870",
     "steps must be in date order"},
    {"content/rights.yaml", "of: minimum_allowable_wage_hkd", "of: minimum_wage",
     "no dated value named 'minimum_wage'"},
    {"content/rights.yaml", "  food_allowance_hkd:\n", "  rest_day_hours:\n",
     "dated value 'rest_day_hours': the name is already used in rights.yaml"},
    {"content/directory.yaml", "    review_by: 2027-06-01\n", "", "missing required key 'review_by'"},
    // A value that changes with the date may decide a signal, never what is asked.
    {"content/form.yaml", "show_if: { question: salary_deductions, answer: [\"yes\"] }",
     "show_if: { question: monthly_salary, below: minimum_allowable_wage_hkd }",
     "a value that changes with the date cannot decide what is asked"},
    {"content/form.yaml", "below: lowest_running_contract_wage_hkd", "below: older_contract_minimum_wage_hkd",
     "no constant named 'older_contract_minimum_wage_hkd'"},
    {"content/directory.yaml", "phone: \"999\"", "phone: \"call us\"", "'call us' is not a phone number"},
    // A referral key is the organisation's own public key: base64 of 32 bytes, or no key at all.
    {"content/directory.yaml", "    urgent: true\n", "    urgent: true\n    referral_key: \"AAAA\"\n",
     "directory.yaml:36:19: organisation 'police_emergency' referral_key: expected 32 bytes, got 3"},
    {"content/directory.yaml", "    urgent: true\n", "    urgent: true\n    referral_key: \"not a key!\"\n",
     "organisation 'police_emergency' referral_key: "},
    {"content/directory.yaml", "verified: 2018-12-19", "verified: last year",
     "expected the source's date, YYYY-MM-DD or YYYY-MM"},
    {"content/directory.yaml", "verified: 2024-09 ", "verified: 2024-13 ", "expected the source's date"},
    // Urgent answers need urgent help with a number to call.
    {"content/directory.yaml", "    phone: \"999\"\n", "    address: org.police_emergency.name\n",
     "an urgent entry needs a phone number"},
    {"content/scoring.yaml", "when: always", "when: sometimes",
     "expected any_dimension_positive, any_signal, mostly_unanswered or always"},
    // An id a record could not carry is refused where it is written, so the kiosk never builds
    // a record the collector rejects (protocol/content/identifiers.h is both sides' rule).
    {"content/indicators.yaml", "{ id: excessive_overtime,", "{ id: excessive-overtime,",
     "'excessive-overtime' must be 1-64 characters of a-z 0-9 _"},
    {"content/scoring.yaml", "id: no_concerns", "id: no-concerns",
     "'no-concerns' must be 1-64 characters of a-z 0-9 _"},
    // "Prefer not to say" counts as no answer, so no condition may test for it.
    {"content/form.yaml", "show_if: { question: has_loan, answer: [\"yes\"] }",
     "show_if: { question: has_loan, answer: [prefer_not] }", "'prefer_not' counts as no answer"},
    // Pieces that do not fit together: the validator names them.
    {"content/indicators.yaml", "  - { id: excessive_overtime, label: indicator.excessive_overtime }\n", "",
     "indicator 'excessive_overtime' is not in indicators.yaml"},
    {"content/indicators.yaml",
     "indicators:", "indicators:\n  - { id: unmapped_indicator, label: indicator.deception }",
     "indicator 'unmapped_indicator' is raised by no answer"},
    {"content/form.yaml", "breach: rest_day", "breach: rest_days", "breach 'rest_days' is not a right in rights.yaml"},
    {"content/directory.yaml", "levels: [forced_labour_signs]", "levels: [forced_labor_signs]",
     "shown_for level 'forced_labor_signs' is not in scoring.yaml"},
    // Translations.
    {"locales/id.txt", "  nav.back ", "  nav.backward ", "locales/id.txt nav.back: message is missing"},
    {"locales/fil.txt", "fil {", "fil {\n  stray.key { \"x\" }", "locales/fil.txt stray.key: message is not used"},
    {"locales/zh_Hant_HK.txt", "{total}", "{count}", "placeholder {count} is not given to this message"},
    {"locales/en.txt", "{current} of {total}", "{current of {total}",
     "locales/en.txt nav.progress: not valid ICU MessageFormat"},
};

std::string read(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

using Mutation = std::function<void(const TempDir&)>;

// Replaces the first `find` in `file` (which must be there: the case still fits the shipped files).
Mutation replace_first(const BrokenCase& broken) {
    return [&broken](const TempDir& dir) {
        std::string text = read(dir.path() / broken.file);
        const auto at = text.find(broken.find);
        REQUIRE(at != std::string::npos);
        text.replace(at, std::string(broken.find).size(), broken.replace);
        dir.write(broken.file, text);
    };
}

// Copies content/ and locales/*.txt into `dir`, applies `mutate`, compiles the locales,
// loads and validates. Returns every error an author would see.
std::vector<std::string> errors_after(const TempDir& dir, const Mutation& mutate) {
    const std::filesystem::path source(SELFCHECK_SOURCE_DIR);
    for (const char* sub : {"content", "locales"})
        for (const auto& entry : std::filesystem::directory_iterator(source / sub))
            if (entry.is_regular_file())
                dir.write(std::string(sub) + "/" + entry.path().filename().string(), read(entry.path()));
    if (mutate) mutate(dir);
    const auto res = dir.path() / "res";
    std::filesystem::create_directories(res);
    std::string command = std::string(SELFCHECK_GENRB) + " -q -e UTF-8 -d " + res.string();
    for (const auto& entry : std::filesystem::directory_iterator(dir.path() / "locales"))
        if (entry.path().extension() == ".txt") command += " " + entry.path().string();
    if (std::system((command + " 2>/dev/null").c_str()) != 0) return {"genrb rejected the locales"};

    try {
        const Content content = load_content(dir.path() / "content");
        Messages messages(res);
        messages.set_shared_args(content_args(content, "2026-12-01"));
        std::vector<std::string> errors;
        for (const auto& p : validate_content(content, messages).problems)
            if (p.severity == ContentProblem::Severity::Error) errors.push_back(describe(p));
        return errors;
    } catch (const ContentError& e) {
        return {e.what()};
    }
}

}  // namespace

TEST_CASE("an unbroken copy of the content validates") {
    TempDir dir;
    const auto errors = errors_after(dir, {});
    for (const auto& e : errors) UNSCOPED_INFO(e);
    CHECK(errors.empty());
}

TEST_CASE("each deliberately broken file fails with the message an author needs") {
    for (const auto& broken : kCases) {
        INFO(broken.file << ": '" << broken.find << "' -> '" << broken.replace << "'");
        TempDir dir;
        const auto errors = errors_after(dir, replace_first(broken));
        REQUIRE_FALSE(errors.empty());
        std::string all;
        for (const auto& e : errors) all += e + "\n";
        INFO("errors:\n" << all);
        CHECK_THAT(all, Catch::Matchers::Contains(broken.expected));
    }
}

TEST_CASE("a malformed YAML file is located by line and column") {
    TempDir dir;
    const auto errors = errors_after(dir, replace_first(kCases[0]));
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors.front(), Catch::Matchers::Matches(".*form\\.yaml:[0-9]+:[0-9]+: .*"));
}

TEST_CASE("a result level no answers can reach is an error") {
    TempDir dir;
    // Every penalty made an involuntariness: no dimension can hold both any more.
    const auto errors = errors_after(dir, [](const TempDir& d) {
        std::string form = read(d.path() / "content/form.yaml");
        const std::string from = "role: penalty", to = "role: involuntariness";
        for (size_t at; (at = form.find(from)) != std::string::npos;) form.replace(at, from.size(), to);
        d.write("content/form.yaml", form);
    });
    std::string all;
    for (const auto& e : errors) all += e + "\n";
    CHECK_THAT(all, Catch::Matchers::Contains("level 'forced_labour_signs': no set of answers reaches this result"));
}

TEST_CASE("an id a record could not carry is refused at its file and line") {
    // Records refuse '-' in indicator ids (tests/protocol); the loader refuses it first, where an
    // author wrote it, so no kiosk ever keeps a record the collector would turn away.
    TempDir dir;
    const BrokenCase dash{"content/indicators.yaml", "{ id: excessive_overtime,", "{ id: excessive-overtime,", ""};
    const auto errors = errors_after(dir, replace_first(dash));
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors.front(),
               Catch::Matchers::Contains("indicators.yaml:20:") &&
                   Catch::Matchers::Contains("'excessive-overtime' must be 1-64 characters of a-z 0-9 _"));
}

TEST_CASE("an organisation given its own referral key takes referrals, and the rest do not") {
    TempDir dir;
    const std::string key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";  // base64 of 32 bytes
    const BrokenCase marked{"content/directory.yaml", "    urgent: true\n",
                            "    urgent: true\n    referral_key: \"MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\"\n",
                            ""};
    CHECK(errors_after(dir, replace_first(marked)).empty());
    const Content content = load_content(dir.path() / "content");
    for (const Organisation& o : content.directory) {
        INFO(o.id);
        CHECK(o.takes_referrals() == (o.id == "police_emergency"));
    }
    CHECK(content.directory.front().referral_key == key);
}
