// A kiosk runs for weeks: when a dated value changes (the lowest wage of a new contract goes
// from HK$4,990 to HK$5,100 on 30 September 2025, content/rights.yaml), the next person reads
// the new one without a restart, and nobody sees it change in the middle of her session.
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/test_driver.h"
#include "tests/ui/ui_test_support.h"

#include <catch2/catch.hpp>

#include <memory>

using namespace selfcheck;

namespace {

std::string wage_sentence(const KioskApp& app) { return app.messages().text("en", "right.below_minimum_wage.explain"); }

}  // namespace

TEST_CASE("a new dated value reaches the next person at the welcome screen, never mid-session") {
    auto day = std::make_shared<std::string>("2025-09-29");
    KioskConfig config = testing::headless(480, 800);
    config.today = [day] { return *day; };
    KioskApp app(config);
    TestDriver driver(app);
    driver.settle();
    CHECK_THAT(wage_sentence(app), Catch::Contains("HK$4,990"));

    // She starts before midnight; the date turns while she answers.
    driver.tap("lang.en");
    *day = "2025-09-30";
    driver.tap("privacy.continue");
    CHECK_THAT(wage_sentence(app), Catch::Contains("HK$4,990"));  // her session keeps its figures

    // She leaves; the welcome screen waits for the next person with the new figure.
    driver.tap("nav.quick_exit");
    REQUIRE(app.screen_name() == "welcome");
    CHECK_THAT(wage_sentence(app), Catch::Contains("HK$5,100"));

    // A kiosk left on the welcome screen overnight takes the change up as well.
    *day = "2024-09-28";  // any other day with its own figure
    driver.settle();
    CHECK_THAT(wage_sentence(app), Catch::Contains("HK$4,990"));
}
