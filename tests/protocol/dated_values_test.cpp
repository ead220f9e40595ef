// Numbers that change with the date (protocol/content/dated_values.h) and the review dates
// every item carries (protocol/content/review.h), on content built in code, days pinned.
#include "protocol/content/dated_values.h"

#include "protocol/content/review.h"

#include <catch2/catch.hpp>

using namespace selfcheck;

namespace {

Provenance reviewed(const char* checked_on, const char* review_by) { return {"§2.2", "source", checked_on, review_by}; }

// A wage table of three rates and the rule for the lowest one a running contract may carry:
// two-year contracts that start at most 91 days after signing.
Content wage_content() {
    Content c;
    DatedValue wage{"wage",
                    {{"2022-10-01", 4730, "s"}, {"2023-09-30", 4870, "s"}, {"2024-09-28", 4990, "s"}},
                    reviewed("2026-12-01", "2026-09-29")};
    c.dated_values.push_back(wage);
    c.running_rules.push_back({"lowest_running_wage", "wage", 24, 91, reviewed("2026-12-01", "2027-12-01")});
    c.constants["rest_day_hours"] = 24;
    c.constant_notes["rest_day_hours"] = reviewed("2026-12-01", "2027-12-01");
    return c;
}

}  // namespace

TEST_CASE("a dated value is the last step on or before the day") {
    const Content c = wage_content();
    CHECK(dated_numbers_on(c, "2022-09-30").count("wage") == 0);  // before the table: not known
    CHECK(dated_numbers_on(c, "2022-10-01").at("wage") == 4730);
    CHECK(dated_numbers_on(c, "2023-09-29").at("wage") == 4730);
    CHECK(dated_numbers_on(c, "2023-09-30").at("wage") == 4870);
    CHECK(dated_numbers_on(c, "2040-01-01").at("wage") == 4990);
    CHECK(numbers_on(c, "2024-01-01") == Constants{{"rest_day_hours", 24}, {"wage", 4870}});
    CHECK(dated_names(c) == std::set<std::string>{"lowest_running_wage", "wage"});
    CHECK_THROWS_AS(dated_numbers_on(c, "2026-02-30"), std::invalid_argument);
}

TEST_CASE("the lowest rate of a running contract, worked by hand") {
    const Content c = wage_content();
    // Signed at 4,730 up to 2023-09-29; started by 2023-12-29 (+91 days); ended by 2025-12-28.
    CHECK(last_running_day(c.running_rules[0], c.dated_values[0], 0) == "2025-12-28");
    // Signed at 4,870 up to 2024-09-27; started by 2024-12-27; ended by 2026-12-26.
    CHECK(last_running_day(c.running_rules[0], c.dated_values[0], 1) == "2026-12-26");
    CHECK(last_running_day(c.running_rules[0], c.dated_values[0], 2).empty());  // still being signed
    // A contract signed on 2022-09-30, before the table, may run until 2024-12-29: until then
    // the lowest running rate is not known.
    CHECK(dated_numbers_on(c, "2024-12-29").count("lowest_running_wage") == 0);
    CHECK(dated_numbers_on(c, "2024-12-30").at("lowest_running_wage") == 4730);
    CHECK(dated_numbers_on(c, "2025-12-28").at("lowest_running_wage") == 4730);
    CHECK(dated_numbers_on(c, "2025-12-29").at("lowest_running_wage") == 4870);
    CHECK(dated_numbers_on(c, "2026-12-01").at("lowest_running_wage") == 4870);
    CHECK(dated_numbers_on(c, "2026-12-27").at("lowest_running_wage") == 4990);
}

TEST_CASE("a contract month count clamps the day to the month's end") {
    Content c;
    c.dated_values.push_back({"rate", {{"2022-01-01", 1, "s"}, {"2022-01-02", 2, "s"}}, {}});
    // Signed 2022-01-01, starting up to 30 days later (2022-01-31), one month: ends 2022-02-27
    // (2022-01-31 + 1 month is clamped to 2022-02-28, less one day).
    c.running_rules.push_back({"low", "rate", 1, 30, {}});
    CHECK(last_running_day(c.running_rules[0], c.dated_values[0], 0) == "2022-02-27");
}

TEST_CASE("overdue reviews are the items past their review date on the day given") {
    Content c = wage_content();
    Right right;
    right.id = "rest_day";
    right.provenance = reviewed("2026-12-01", "2027-12-01");
    c.rights.push_back(right);
    Organisation police;
    police.id = "police_emergency";
    police.phone = "999";
    police.verified = "2018-12-19";
    police.checked_on = "2026-12-01";
    police.review_by = "2027-06-01";
    c.directory.push_back(police);
    CHECK(review_items(c).size() == 5);
    CHECK(overdue_reviews(c, "2026-09-29").empty());  // due that day, not yet overdue
    const auto overdue = overdue_reviews(c, "2026-12-01");
    REQUIRE(overdue.size() == 1);
    CHECK(describe(overdue[0]) == "rights.yaml dated value wage: review by 2026-09-29 (checked 2026-12-01)");
    CHECK(overdue_reviews(c, "2027-06-02").size() == 2);
    CHECK(overdue_reviews(c, "2028-01-01").size() == 5);
    CHECK_THROWS_AS(overdue_reviews(c, "tomorrow"), std::invalid_argument);
}

TEST_CASE("a number needs \"please check\" when it is not verified or its review is overdue") {
    Organisation o;
    o.phone = "999";
    o.review_by = "2027-06-01";
    CHECK(o.number_needs_check("2026-12-01"));  // not verified
    o.verified = "2018-12-19";
    CHECK_FALSE(o.number_needs_check("2026-12-01"));
    CHECK_FALSE(o.number_needs_check("2027-06-01"));
    CHECK(o.number_needs_check("2027-06-02"));  // verified, but the review is overdue
    Organisation address_only;
    address_only.address_key = "org.x.address";
    address_only.review_by = "2000-01-01";
    CHECK_FALSE(address_only.number_needs_check("2026-12-01"));  // no number, nothing to check
}
