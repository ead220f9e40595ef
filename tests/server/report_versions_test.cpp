// A report over two versions of the form: each record judged by the version it names, rows
// merged by question id. Version 2 is content/ with age_band dropped and an option added to
// years_in_hk; the counts are worked by hand.
#include "server/catalog/form_catalog.h"
#include "server/reports/report_builder.h"
#include "tests/server/report_fixtures.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using namespace selfcheck;
using collector::AnswerColumn;
using collector::QuestionReport;
using collector::Report;
using nlohmann::json;

namespace {

void replace_once(std::string& text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
}

// Copies content/ to `to` and returns its form.yaml numbered version 2 (for the caller to
// change further and write back).
std::string copy_as_version_2(const std::filesystem::path& to) {
    std::filesystem::copy(SELFCHECK_SOURCE_DIR "/content", to, std::filesystem::copy_options::recursive);
    std::ifstream in(to / "form.yaml");
    std::string form((std::istreambuf_iterator<char>(in)), {});
    replace_once(form, "  version: 1\n", "  version: 2\n");
    return form;
}

// content/ as version 2: no age_band question, and years_in_hk offers years_20_plus.
std::filesystem::path write_version_2(const testing::TempDir& dir) {
    const std::filesystem::path v2 = dir.path() / "v2";
    std::string form = copy_as_version_2(v2);
    const std::size_t start = form.find("      - id: age_band\n");
    const std::size_t end = form.find("      - id: years_in_hk\n");
    REQUIRE(start != std::string::npos);
    REQUIRE(end > start);
    form.erase(start, end - start);
    replace_once(form, "          - { code: years_10_plus, text: q.years_in_hk.a.10_plus }\n",
                 "          - { code: years_10_plus, text: q.years_in_hk.a.10_plus }\n"
                 "          - { code: years_20_plus, text: q.years_in_hk.a.10_plus }\n");
    std::ofstream(v2 / "form.yaml") << form;
    return v2;
}

// content/ again as version 2, unchanged but for its number: valid against the bundles.
std::filesystem::path write_renumbered(const testing::TempDir& dir) {
    const std::filesystem::path v2 = dir.path() / "renumbered";
    const std::string form = copy_as_version_2(v2);  // before form.yaml is opened for writing
    std::ofstream(v2 / "form.yaml") << form;
    return v2;
}

const QuestionReport* find_question(const Report& report, const std::string& id) {
    for (const QuestionReport& question : report.questions)
        if (question.id == id) return &question;
    return nullptr;
}

std::int64_t code_count(const QuestionReport& question, const AnswerColumn& column, const std::string& code) {
    for (std::size_t i = 0; i < question.codes.size(); ++i)
        if (question.codes[i] == code) return column.by_code[i].value;
    FAIL("no code " << code << " in " << question.id);
    return -1;
}

}  // namespace

TEST_CASE("a report over two form versions judges each record by its own version and merges by question id") {
    testing::TempDir dir;
    // Loaded without validation: the shared bundles' age_band messages are unused in version 2.
    const std::vector<std::shared_ptr<const Content>> versions = {
        std::make_shared<const Content>(load_content(SELFCHECK_SOURCE_DIR "/content")),
        std::make_shared<const Content>(load_content(write_version_2(dir)))};
    CHECK(versions[1]->form.version == 2);
    CHECK(versions[1]->form.find("age_band") == nullptr);

    RecordMaker maker;
    // Version 1: 3 under 25 and under 2 years; 2 aged 30-39 with 10+ years; 1 answering nothing.
    maker.repeat(3, "en", {{"age_band", "age_under_25"}, {"years_in_hk", "years_under_2"}});
    maker.repeat(2, "en", {{"age_band", "age_30_39"}, {"years_in_hk", "years_10_plus"}});
    maker.add("en", json::object());
    // Version 2: 4 with 20+ years (its new option); 1 under 2 years whose stray age_band answer
    // its version never asked, so it is not counted.
    RecordMaker v2;
    v2.repeat(4, "en", {{"years_in_hk", "years_20_plus"}});
    v2.add("en", {{"age_band", "age_40_plus"}, {"years_in_hk", "years_under_2"}});
    std::vector<Record> records = maker.records();
    for (Record record : v2.records()) {
        record.record_id.replace(0, 1, "f");  // distinct from version 1's ids
        record.form_version = 2;
        records.push_back(record);
    }

    collector::ReportRequest request;
    request.filter = {"2026-11-01", "2026-11-30", ""};
    request.k = 0;  // every figure shown, so each can be checked
    const collector::FormVersions both = {versions[0].get(), versions[1].get()};
    const Report report = collector::build_report(both, report_labels(), records, request);
    CHECK(report.respondents.value == 11);

    // Dropped in version 2: still reported, from version 1's records only.
    const QuestionReport* age = find_question(report, "age_band");
    REQUIRE(age != nullptr);
    CHECK(age->overall.answered.value == 5);
    CHECK(age->overall.declined.value == 1);
    CHECK(code_count(*age, age->overall, "age_under_25") == 3);
    CHECK(code_count(*age, age->overall, "age_30_39") == 2);
    CHECK(code_count(*age, age->overall, "age_40_plus") == 0);

    // Added in version 2: its code is listed after version 2's others, and counted.
    const QuestionReport* years = find_question(report, "years_in_hk");
    REQUIRE(years != nullptr);
    CHECK(years->codes ==
          std::vector<std::string>{"years_under_2", "years_2_4", "years_5_9", "years_10_plus", "years_20_plus"});
    CHECK(years->overall.answered.value == 10);
    CHECK(years->overall.declined.value == 1);
    CHECK(code_count(*years, years->overall, "years_under_2") == 4);
    CHECK(code_count(*years, years->overall, "years_10_plus") == 2);
    CHECK(code_count(*years, years->overall, "years_20_plus") == 4);

    // The kept tallies give the same report.
    const collector::ContentTallier tallier(both);
    collector::Tallies tallies;
    for (std::size_t i = 0; i < records.size(); ++i) tallier.tally(records[i], std::to_string(100 + i), tallies);
    const Report tallied = collector::build_report_from_tallies(both, report_labels(), tallies, request);
    REQUIRE(find_question(tallied, "age_band") != nullptr);
    CHECK(find_question(tallied, "age_band")->overall.answered.value == 5);
    CHECK(tallier.fingerprint() ==
          collector::tally_fingerprint(*versions[0]) + " + " + collector::tally_fingerprint(*versions[1]));

    // Judged by the newest alone (as before), version 1's age answers would be lost.
    const Report newest_only = collector::build_report(*versions[1], report_labels(), records, request);
    CHECK(find_question(newest_only, "age_band") == nullptr);
}

TEST_CASE("the catalogue gives every version of the newest form, oldest first") {
    testing::TempDir dir;
    const Messages messages(SELFCHECK_BINARY_DIR "/locales");
    const auto catalog =
        collector::FormCatalog::load({write_renumbered(dir), SELFCHECK_SOURCE_DIR "/content"}, messages);
    const auto versions = catalog.versions();
    REQUIRE(versions.size() == 2);
    CHECK(versions[0]->form.version == 1);
    CHECK(versions[1]->form.version == 2);
    CHECK(versions[1] == catalog.newest());
}
