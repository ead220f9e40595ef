// The staff panel as an outreach worker meets it: a 3-second hold in the top-left corner,
// the PIN on the on-screen pad, the status and actions; and what must never happen: a
// worker's answers surviving into the panel, a short tap opening it, guessing without a
// lockout, or an exit on a locked device.
#include "kiosk/app/frame_check.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/test_driver.h"
#include "kiosk/core/staff_pin.h"
#include "protocol/content/review.h"
#include "tests/ui/ui_test_support.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using namespace selfcheck::testing;
using namespace std::chrono_literals;

namespace {

KioskConfig staff_config(const FakeClock& clock, int width = 480, int height = 800) {
    KioskConfig config = headless(width, height);
    config.clock = clock.source();
    config.device.staff_pin_hash = test_staff_pin_hash();
    config.device.locked = false;  // as a kiosk.yaml with `locked: false`: the panel offers an exit
    return config;
}

ImVec2 corner_point(KioskApp& app) {
    const ImVec2 corner = app.staff_corner();
    return ImVec2(corner.x * 0.5f, corner.y * 0.5f);
}

void type_pin(TestDriver& driver, const std::string& pin) {
    for (char c : pin) driver.tap(std::string("pin.") + c);
    driver.tap("pin.ok");
}

// From the welcome screen: the corner held 3 seconds and the right PIN typed.
void open_panel(TestDriver& driver, KioskApp& app, const FakeClock& clock) {
    driver.settle();
    driver.hold(corner_point(app), [&] { clock.advance(3s); });
    type_pin(driver, "2468");
    REQUIRE(app.screen_name() == "staff_panel");
}

bool text_shown(KioskApp& app, const std::string& fragment) {
    for (const auto& drawn : app.registry().texts())
        if (drawn.text.find(fragment) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("holding the corner for 3 seconds asks for the PIN and wipes the session") {
    FakeClock clock;
    KioskApp app(staff_config(clock));
    TestDriver driver(app);
    answer_first_question(driver, app, "en");
    REQUIRE_FALSE(app.session().answers().empty());

    driver.hold(corner_point(app), [&] { clock.advance(2s); });
    CHECK(app.screen_name() == "question");  // too short: nothing happens
    driver.hold(corner_point(app), [&] { clock.advance(3s); });
    REQUIRE(app.screen_name() == "staff_pin");
    CHECK(app.session().answers().empty());
    CHECK(app.session().step() == Step::Welcome);
    check_text_of_frame(app);
    CHECK_FALSE(driver.has("nav.change_language"));
}

TEST_CASE("without a PIN hash the corner hold does nothing") {
    FakeClock clock;
    KioskConfig config = staff_config(clock);
    config.device.staff_pin_hash.clear();
    KioskApp app(config);
    TestDriver driver(app);
    driver.settle();
    driver.hold(corner_point(app), [&] { clock.advance(5s); });
    CHECK(app.screen_name() == "welcome");
}

TEST_CASE("the right PIN opens the panel with counts and no answers") {
    FakeClock clock;
    KioskApp app(staff_config(clock));
    TestDriver driver(app);
    open_panel(driver, app, clock);
    check_text_of_frame(app);
    CHECK(text_shown(app, "Completed today: 0"));
    CHECK(text_shown(app, "Site: demo-site"));
    CHECK(text_shown(app, "Battery: "));
    CHECK(text_shown(app, "Form: hk-mdw-self-assessment version 1"));
    CHECK(driver.has("staff.sync_now"));
    CHECK(driver.has("staff.test_connection"));
    CHECK(driver.has("staff.end_day"));
    CHECK(driver.has("staff.exit"));  // this device is not locked

    driver.tap("staff.test_connection");  // no collector set up: said plainly
    CHECK(text_shown(app, "No collector is set up on this device."));
    driver.tap("staff.close");
    CHECK(app.screen_name() == "welcome");
}

TEST_CASE("a locked device offers no exit from the staff panel") {
    FakeClock clock;
    KioskConfig config = staff_config(clock, 1920, 1080);
    config.device.locked = true;
    KioskApp app(config);
    TestDriver driver(app);
    open_panel(driver, app, clock);
    CHECK_FALSE(driver.has("staff.exit"));
    check_text_of_frame(app);
}

TEST_CASE("wrong PINs lock the pad out with a growing countdown") {
    FakeClock clock;
    KioskApp app(staff_config(clock));
    TestDriver driver(app);
    driver.settle();
    driver.hold(corner_point(app), [&] { clock.advance(3s); });
    for (int i = 0; i < PinGate::kFreeFailures; ++i) {
        type_pin(driver, "1111");
        CHECK(text_shown(app, "Wrong PIN."));
    }
    type_pin(driver, "1111");
    CHECK(text_shown(app, "Try again in 30 seconds."));
    type_pin(driver, "2468");  // the right PIN is not even checked while locked
    CHECK(app.screen_name() == "staff_pin");
    check_text_of_frame(app);

    clock.advance(31s);
    type_pin(driver, "9999");
    CHECK(text_shown(app, "Try again in 60 seconds."));
    clock.advance(61s);
    type_pin(driver, "2468");
    CHECK(app.screen_name() == "staff_panel");
}

TEST_CASE("Cancel and idle both close the staff panel, which shows no worker's Exit") {
    FakeClock clock;
    KioskApp app(staff_config(clock));
    TestDriver driver(app);
    driver.settle();
    driver.hold(corner_point(app), [&] { clock.advance(3s); });
    CHECK_FALSE(driver.has("nav.quick_exit"));  // staff mode has its own header
    driver.tap("staff.cancel");
    CHECK(app.screen_name() == "welcome");

    driver.hold(corner_point(app), [&] { clock.advance(3s); });
    type_pin(driver, "2468");
    REQUIRE(app.screen_name() == "staff_panel");
    clock.advance(200s);  // left open and walked away from
    driver.settle();
    driver.settle();
    CHECK(app.screen_name() == "welcome");
}

TEST_CASE("the staff panel reads in every language at every size") {
    const auto shots = std::filesystem::path(SELFCHECK_BINARY_DIR) / "screenshots" / "staff";
    std::filesystem::create_directories(shots);
    for (const auto& [width, height] : {std::pair{480, 800}, {800, 1280}, {1920, 1080}}) {
        for (const std::string locale : {"id", "fil", "en", "zh_Hant_HK"}) {
            INFO(locale << " " << width << "x" << height);
            FakeClock clock;
            KioskConfig config = staff_config(clock, width, height);
            config.chrome_locale = locale;
            config.today = [] { return std::string("2099-12-31"); };  // the review warning shown too
            KioskApp app(config);
            TestDriver driver(app);
            driver.settle();
            const std::string suffix = locale + "-" + std::to_string(width) + "x" + std::to_string(height) + ".png";
            driver.hold(corner_point(app), [&] { clock.advance(3s); });
            driver.tap("pin.2");
            check_text_of_frame(app);
            check_not_blank(driver.screenshot(shots / ("staff-pin-" + suffix)));
            type_pin(driver, "468");
            REQUIRE(app.screen_name() == "staff_panel");
            check_text_of_frame(app);
            CHECK(opening_problems(app) == std::vector<std::string>{});  // every action in view
            check_not_blank(driver.screenshot(shots / ("staff-panel-" + suffix)));
        }
    }
}

TEST_CASE("the staff panel says when content is past its review date, and how many items") {
    for (const char* today : {"2099-12-31", "2000-01-01"}) {
        INFO(today);
        FakeClock clock;
        KioskConfig config = staff_config(clock);
        config.today = [today] { return std::string(today); };
        KioskApp app(config);
        TestDriver driver(app);
        open_panel(driver, app, clock);
        check_text_of_frame(app);
        const long items = long(review_items(app.content()).size());
        REQUIRE(items > 10);
        const std::string overdue = app.messages().format("en", "staff.content_review_overdue", {{"count", items}});
        if (std::string(today) == "2099-12-31") {
            CHECK(text_shown(app, overdue));  // every item: each review date has passed
        } else {
            CHECK_FALSE(text_shown(app, "Content review overdue"));
        }
    }
}
