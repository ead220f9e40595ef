// Report query parameters: every bad one is refused with an error naming it.

#include "server/reports/report_params.h"

#include "protocol/time/dates.h"

#include <catch2/catch.hpp>

using namespace selfcheck;

using Params = std::multimap<std::string, std::string>;

namespace {

std::string error_for(const Params& params) { return collector::parse_report_params(params).error; }

}  // namespace

TEST_CASE("good report parameters are read") {
    const auto parsed = collector::parse_report_params(
        {{"from", "2024-02-01"}, {"to", "2024-02-29"}, {"site", "wan-chai"}, {"k", "10"}});
    REQUIRE(parsed.request);
    CHECK(parsed.request->filter.from == "2024-02-01");
    CHECK(parsed.request->filter.to == "2024-02-29");
    CHECK(parsed.request->filter.site == "wan-chai");
    CHECK(parsed.request->k == 10);
    const auto defaults = collector::parse_report_params({{"from", "2026-01-01"}, {"to", "2026-01-01"}, {"site", ""}});
    REQUIRE(defaults.request);
    CHECK(defaults.request->k == 5);
    CHECK(defaults.request->filter.site.empty());
}

TEST_CASE("bad report parameters name the parameter") {
    CHECK(error_for({{"to", "2026-01-01"}}).rfind("from: required", 0) == 0);
    CHECK(error_for({{"from", "2026-01-01"}}).rfind("to: required", 0) == 0);
    CHECK(error_for({{"from", "2026-13-01"}, {"to", "2026-12-31"}}).rfind("from: expected a date", 0) == 0);
    CHECK(error_for({{"from", "2025-02-29"}, {"to", "2025-12-31"}}).rfind("from:", 0) == 0);
    CHECK(error_for({{"from", "2026-01-01"}, {"to", "26-1-1"}}).rfind("to: expected a date", 0) == 0);
    CHECK(error_for({{"from", "2026-02-01"}, {"to", "2026-01-01"}}) == "to: must not be before from");
    CHECK(error_for({{"from", "2026-01-01"}, {"to", "2026-01-02"}, {"site", "Wan Chai"}}).rfind("site:", 0) == 0);
    CHECK(error_for({{"from", "2026-01-01"}, {"to", "2026-01-02"}, {"k", "4"}})
              .rfind("k: expected a whole number from 5", 0) == 0);
    CHECK(error_for({{"from", "2026-01-01"}, {"to", "2026-01-02"}, {"k", "5x"}}).rfind("k:", 0) == 0);
    CHECK(error_for({{"from", "2026-01-01"}, {"to", "2026-01-02"}, {"format", "x"}})
              .rfind("format: unknown parameter", 0) == 0);
    CHECK(error_for({{"from", "2026-01-01"}, {"from", "2026-01-01"}, {"to", "2026-01-02"}}) ==
          "from: given more than once");
}

TEST_CASE("calendar dates are checked, leap years included") {
    CHECK(is_calendar_date("2024-02-29"));
    CHECK_FALSE(is_calendar_date("2023-02-29"));
    CHECK(is_calendar_date("2000-02-29"));
    CHECK_FALSE(is_calendar_date("1900-02-29"));
    CHECK_FALSE(is_calendar_date("2026-04-31"));
    CHECK_FALSE(is_calendar_date("2026-4-01x"));
}
