// CSV and JSON exports: BOM, quoting, and a suppressed figure never written as a number.

#include "server/reports/percent.h"
#include "server/reports/report_builder.h"
#include "server/reports/report_csv.h"
#include "server/reports/report_json.h"
#include "tests/server/report_fixtures.h"

#include <catch2/catch.hpp>

using namespace selfcheck;

using nlohmann::json;

namespace {

collector::Report small_report() {
    RecordMaker maker;
    maker
        .repeat(10, "zh_Hant_HK", {{"nationality", "indonesia"}, {"fear_consequences", "yes"}}, "forced_labour_signs",
                {"debt_bondage"})
        .repeat(3, "id", {{"nationality", "indonesia"}, {"fear_consequences", "no"}});
    collector::ReportRequest request;
    request.filter = {"2026-11-01", "2026-11-30", ""};
    return collector::build_report(report_content(), report_labels(), maker.records(), request);
}

}  // namespace

TEST_CASE("the CSV starts with a BOM, holds Chinese labels and writes suppressed cells as words") {
    const std::string csv = collector::report_to_csv(small_report());
    REQUIRE(csv.rfind("\xEF\xBB\xBF"
                      "table,item_id,item,",
                      0) == 0);
    CHECK(csv.find("繁體中文") != std::string::npos);
    CHECK(csv.find("\r\n") != std::string::npos);
    // Overall fear: 3 "no" is suppressed (and, as the 3 are the whole Indonesian-language
    // group, enough around it that no arithmetic on the rest gives it back: suppression.h).
    CHECK(csv.find("answer,fear_consequences,") != std::string::npos);
    CHECK(csv.find(",no,No,suppressed,") != std::string::npos);
    CHECK(csv.find(",no,No,3,") == std::string::npos);
    CHECK(csv.find("report,hk-mdw-self-assessment,,,,,headline,10 of 13 showed signs of forced labour") !=
          std::string::npos);
}

TEST_CASE("CSV fields are quoted and cannot start a formula") {
    CHECK(collector::csv_field("plain") == "plain");
    CHECK(collector::csv_field("a,b") == "\"a,b\"");
    CHECK(collector::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(collector::csv_field("=1+1") == "'=1+1");
    CHECK(collector::csv_field("line\nbreak") == "\"line\nbreak\"");
}

TEST_CASE("the JSON report writes suppressed counts and shares as \"suppressed\"") {
    const json report = collector::report_to_json(small_report());
    CHECK(report["respondents"] == 13);
    CHECK(report["headline"] == "10 of 13 showed signs of forced labour");
    const json* fear = nullptr;
    for (const json& q : report["questions"]) {
        if (q["id"] == "fear_consequences") fear = &q;
    }
    REQUIRE(fear);
    CHECK((*fear)["overall"]["answers"]["no"]["count"] == "suppressed");
    CHECK((*fear)["overall"]["answers"]["no"]["percent"] == "suppressed");
    CHECK((*fear)["overall"]["answers"]["no"]["share"] == "suppressed");
    CHECK((*fear)["by"]["language"].size() == 4);
}

TEST_CASE("percentages round half up to one decimal, the same in every writer") {
    CHECK(collector::percent_half_up(5, 80) == "6.3");  // 6.25: printf's %.1f gives 6.2
    CHECK(collector::percent_half_up(1, 3) == "33.3");
    CHECK(collector::percent_half_up(2, 3) == "66.7");
    CHECK(collector::percent_half_up(0, 7) == "0.0");
    CHECK(collector::percent_half_up(7, 7) == "100.0");
    CHECK(collector::percent_half_up(1, 8) == "12.5");
    CHECK(collector::percent_half_up(1, 16) == "6.3");  // 6.25
}
