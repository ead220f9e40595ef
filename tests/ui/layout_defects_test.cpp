// Issue #12: each numbered defect a person saw on the screenshots, as a test that looks at
// what was drawn (the widget registry) the way a person looks at the screen. Each failed on
// the code before the phone-first layout; the note of that change quotes the failures.
#include "kiosk/app/frame_check.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/scripted_walk.h"
#include "kiosk/app/test_driver.h"
#include "kiosk/core/staff_pin.h"
#include "tests/ui/ui_test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

using namespace selfcheck;
using namespace selfcheck::testing;
using namespace std::chrono_literals;

namespace {

const char* const kLocales[] = {"id", "fil", "en", "zh_Hant_HK"};

// The problems that mention `fragment`, one per line, for a readable failure.
std::string matching(const std::vector<std::string>& problems, const std::string& fragment) {
    std::string out;
    for (const auto& p : problems)
        if (p.find(fragment) != std::string::npos) out += "\n  " + p;
    return out;
}

std::string all(const std::vector<std::string>& problems) { return matching(problems, ""); }

bool is_number(const Question& q) { return q.type == QuestionType::Number; }

void to_salary_question(TestDriver& driver, KioskApp& app, const std::string& locale) {
    walk_to(driver, app, locale, quiet_answer, is_number);
    REQUIRE(app.session().current_question());
    REQUIRE(app.session().current_question()->id == "monthly_salary");
}

AnswerValue violence_reported(const Question& q, const Answers& a) {
    if (q.id == "violence" || q.id == "locked_in" || q.id == "threatened") return std::string("yes");
    return first_answer(q, a);
}

size_t count_shown(KioskApp& app, const std::string& text) {
    return size_t(std::count_if(app.registry().texts().begin(), app.registry().texts().end(),
                                [&](const ui::DrawnText& d) { return d.text.find(text) != std::string::npos; }));
}

const std::string& pin_hash() {
    static const std::string hash = hash_staff_pin("2468");
    return hash;
}

void open_staff(TestDriver& driver, KioskApp& app, const FakeClock& clock, bool enter_pin = true) {
    const ImVec2 corner = app.staff_corner();
    driver.hold(ImVec2(corner.x * 0.5f, corner.y * 0.5f), [&] { clock.advance(3s); });
    REQUIRE(app.screen_name() == "staff_pin");
    if (!enter_pin) return;
    for (char c : std::string("2468")) driver.tap(std::string("pin.") + c);
    driver.tap("pin.ok");
    REQUIRE(app.screen_name() == "staff_panel");
}

KioskConfig staff_config(const FakeClock& clock, int width, int height, const std::string& locale = "en") {
    KioskConfig config = headless(width, height);
    config.clock = clock.source();
    config.device.staff_pin_hash = pin_hash();
    config.device.locked = false;
    config.chrome_locale = locale;
    return config;
}

}  // namespace

TEST_CASE("defect 1: the salary question opens at the top with every key, Back and prefer-not in view") {
    KioskApp app(headless(480, 800));
    TestDriver driver(app);
    for (const char* locale : kLocales) {
        INFO(locale);
        to_salary_question(driver, app, locale);
        const auto problems = opening_problems(app);
        INFO(all(problems));
        CHECK(problems.empty());
        driver.tap("nav.quick_exit");
    }
}

TEST_CASE("defect 2: the more-below cue never covers text, QR codes or buttons") {
    for (const auto& [width, height] : {std::pair{480, 800}, {800, 1280}, {1920, 1080}}) {
        INFO(width << "x" << height);
        FakeClock clock;
        KioskApp app(staff_config(clock, width, height));
        TestDriver driver(app);
        walk_to(driver, app, "en", violence_reported);
        REQUIRE(app.screen_name() == "result");
        CHECK(matching(frame_problems(app), "cue.") == "");
        driver.tap("result.finish");
        open_staff(driver, app, clock, false);
        CHECK(matching(frame_problems(app), "cue.") == "");
        for (char c : std::string("2468")) driver.tap(std::string("pin.") + c);
        driver.tap("pin.ok");
        CHECK(matching(frame_problems(app), "cue.") == "");
    }
}

TEST_CASE("defect 3: words, phone numbers and Chinese last lines are kept whole on screen") {
    KioskApp app(headless(480, 800));
    TestDriver driver(app);
    for (const char* locale : {"fil", "zh_Hant_HK"}) {
        INFO(locale);
        to_salary_question(driver, app, locale);
        CHECK(matching(frame_problems(app), "cut between letters") == "");  // "Burahi / n"
        driver.tap("nav.quick_exit");
        walk_to(driver, app, locale, violence_reported);
        REQUIRE(app.screen_name() == "result");
        const auto problems = frame_problems(app);            // every card is drawn, scrolled into view or not
        CHECK(matching(problems, "number is broken") == "");  // "+852 / 2157 9537"
        CHECK(matching(problems, "last line is one character") == "");
        CHECK(matching(problems, "cut between letters") == "");
        CHECK(matching(problems, "cut after its prefix") == "");  // "I- / tap" in the closing words
        driver.tap("result.finish");
    }
}

TEST_CASE("defect 4: help cards run their text full width and show no placeholder lines") {
    KioskApp app(headless(480, 800));
    TestDriver driver(app);
    walk_to(driver, app, "en", violence_reported);
    REQUIRE(app.screen_name() == "result");
    int width = 0, height = 0;
    app.display().size(width, height);
    const Messages& m = app.messages();
    // The Labour Department's address, nine narrow lines beside the QR code before.
    const std::string address = m.text("en", "org.labour_dept_fdh_hotline.address");
    bool found = false;
    for (const auto& drawn : app.registry().texts()) {
        if (drawn.text != address) continue;
        found = true;
        INFO("address drawn " << drawn.max.x - drawn.min.x << " px wide in " << drawn.lines.size() << " lines");
        CHECK(drawn.max.x - drawn.min.x >= 0.6f * float(width));
        CHECK(drawn.lines.size() <= 4);
    }
    CHECK(found);
    // "Please check this number" only where a number is shown that needs it (the content decides).
    size_t to_check = 0;
    for (const Organisation* org : choose_help(app.content(), *app.session().assessment()))
        to_check += org->number_needs_check(app.session().assessed_on());
    CHECK(count_shown(app, m.text("en", "result.please_check")) == to_check);
    CHECK(matching(frame_problems(app), "QR code") == "");  // at least 25 mm
}

TEST_CASE("defect 5: at 480x800 every language, answer, key and staff action fits without scrolling") {
    FakeClock clock;
    KioskApp app(staff_config(clock, 480, 800));
    TestDriver driver(app);
    driver.settle();
    CHECK(matching(opening_problems(app), "below the fold") == "");  // 繁體中文
    for (const char* locale : kLocales) {
        INFO(locale);
        driver.tap(std::string("lang.") + locale);
        driver.tap("privacy.continue");
        std::string shown;
        for (int guard = 0; app.session().step() == Step::Question && guard < 200; ++guard) {
            const Question& q = *app.session().current_question();
            const std::string below = matching(opening_problems(app), "below the fold");
            // Up to four answers always fit. Six long ones cannot at 18 pt on a 7-inch screen:
            // then the layout has done all it can (help behind a tap), the cue strip says more
            // lies below, and Back stays in view.
            const bool adapted = q.options.size() > 4 && driver.has("cue.more_below") &&
                                 (q.help_key.empty() || driver.has("question.help")) &&
                                 app.registry().find("nav.back")->visible;
            if (!below.empty() && !adapted) shown += "\n" + q.id + ":" + below;
            give_answer(driver, first_answer(q, app.session().answers()));
        }
        CHECK(shown == "");
        driver.tap("result.finish");
    }
    open_staff(driver, app, clock, false);
    CHECK(matching(opening_problems(app), "below the fold") == "");  // 0 and OK
    for (char c : std::string("2468")) driver.tap(std::string("pin.") + c);
    driver.tap("pin.ok");
    CHECK(matching(opening_problems(app), "below the fold") == "");  // every staff action
}

TEST_CASE("defect 6: one header row of one height in every language, and Exit never moves") {
    for (const auto& [width, height] : {std::pair{480, 800}, {800, 1280}, {1920, 1080}}) {
        INFO(width << "x" << height);
        KioskApp app(headless(width, height));
        TestDriver driver(app);
        std::map<std::string, std::pair<ImVec2, ImVec2>> exits;  // screen and language -> Exit's rectangle
        std::map<std::string, float> header_bottoms;
        auto look = [&](const std::string& where) {
            const auto exit = app.registry().find("nav.quick_exit");
            REQUIRE(exit);
            exits[where] = {exit->min, exit->max};
            header_bottoms[where] = app.registry().find("screen.scroll")->min.y;
        };
        driver.settle();
        look("welcome");
        for (const char* locale : kLocales) {
            driver.tap(std::string("lang.") + locale);
            look(std::string("privacy ") + locale);
            driver.tap("privacy.continue");
            look(std::string("question ") + locale);
            walk_to(driver, app, locale, quiet_answer, is_number);
            look(std::string("number ") + locale);
            driver.tap("nav.quick_exit");
        }
        std::string moved;
        const auto& [first_min, first_max] = exits.begin()->second;
        for (const auto& [where, rect] : exits)
            if (rect.first.x != first_min.x || rect.first.y != first_min.y || rect.second.x != first_max.x ||
                rect.second.y != first_max.y)
                moved += "\n  " + where + ": Exit at " + std::to_string(int(rect.first.x)) + "," +
                         std::to_string(int(rect.first.y)) + "-" + std::to_string(int(rect.second.x)) + "," +
                         std::to_string(int(rect.second.y));
        CHECK(moved == "");
        std::string heights;
        for (const auto& [where, bottom] : header_bottoms) {
            if (bottom != header_bottoms.begin()->second || bottom > 3.0f * app.fonts().em)
                heights += "\n  " + where + ": header " + std::to_string(int(bottom)) + " px";
        }
        CHECK(heights == "");
    }
}

TEST_CASE("defect 7: a forced-labour result leads with what to do: 999 and a shelter on the first screen") {
    KioskApp app(headless(480, 800));
    TestDriver driver(app);
    walk_to(driver, app, "en", violence_reported);
    REQUIRE(app.screen_name() == "result");
    // The police card's number on the first screen, no scrolling; its QR code follows.
    const auto police = app.registry().find("qr.police_emergency");
    REQUIRE(police);
    bool number_in_view = false;
    const auto region = *app.registry().find("screen.scroll");
    for (const auto& drawn : app.registry().texts())
        if (drawn.text == app.messages().text("en", "result.phone") + " 999")
            number_in_view = drawn.min.y >= region.min.y && drawn.max.y <= region.max.y;
    CHECK(number_in_view);
    const auto shelter = app.registry().find("qr.bethune_house");
    REQUIRE(shelter);
    CHECK(police->max.y < shelter->min.y);  // 999 first, then the shelter
    // Before any right: the first right's title comes after both.
    const Messages& m = app.messages();
    float first_right = 1e9f;
    for (const Right& right : app.content().rights)
        if (app.session().assessment()->breaches.count(right.id))
            for (const auto& drawn : app.registry().texts())
                if (drawn.text == m.text("en", right.title_key)) first_right = std::min(first_right, drawn.min.y);
    CHECK(police->max.y < first_right);
    CHECK(shelter->max.y < first_right);
}

TEST_CASE("defect 8: controls stand out, levels look different, and the closing words are true") {
    KioskApp app(headless(480, 800));
    TestDriver driver(app);
    REQUIRE(app.outbox() == nullptr);  // demo mode: nothing is kept
    driver.settle();
    driver.tap("lang.en");
    driver.tap("privacy.continue");
    // The Language control: a globe, and an edge that shows (3:1).
    bool globe = false;
    for (const auto& drawn : app.registry().texts())
        globe |=
            drawn.owner == "nav.change_language" && drawn.text.find("\xee\xa2\x94") != std::string::npos;  // U+E894
    CHECK(globe);
    CHECK(matching(frame_problems(app), ": its edge is") == "");
    driver.tap("nav.quick_exit");
    to_salary_question(driver, app, "en");
    CHECK(matching(frame_problems(app), ": its edge is") == "");  // keypad keys

    std::map<unsigned, std::string> outcome_colours;
    driver.tap("nav.quick_exit");
    for (const auto& [level, policy] : level_walks()) {
        INFO(level);
        walk_to(driver, app, "en", policy);
        REQUIRE(app.session().assessment()->level->id == level);
        const auto panel = app.registry().find("box.outcome");
        REQUIRE(panel);
        outcome_colours[panel->boundary] = level;
        CHECK(matching(frame_problems(app), ": its edge is") == "");  // help cards
        CHECK(count_shown(app, "The screen is now clear") == 0);
        CHECK(count_shown(app, "were saved") == 0);  // nothing is saved in demo mode
        driver.tap("result.finish");
    }
    CHECK(outcome_colours.size() == level_walks().size());  // four levels, four colours
}

TEST_CASE("defect 9: the staff panel has its own header, shows its mode and asks before ending") {
    for (const auto& [width, height] : {std::pair{480, 800}, {1920, 1080}}) {
        INFO(width << "x" << height);
        FakeClock clock;
        KioskApp app(staff_config(clock, width, height));
        TestDriver driver(app);
        driver.settle();
        open_staff(driver, app, clock);
        CHECK_FALSE(driver.has("nav.quick_exit"));  // the worker's Exit is not staff's
        CHECK(count_shown(app, app.messages().text("en", "staff.mode_demo")) == 1);
        const auto problems = opening_problems(app);
        CHECK(matching(problems, "does not fit") == "");  // "Close the kiosk" cut off
        CHECK(matching(problems, "below the fold") == "");
        driver.tap("staff.end_day");
        CHECK(driver.has("confirm.yes"));  // asked first
        CHECK(app.staff_service().action().outcome == StaffService::Outcome::None);
        driver.tap("confirm.no");
        CHECK_FALSE(driver.has("confirm.yes"));
        driver.tap("staff.exit");
        CHECK(driver.has("confirm.yes"));
        driver.tap("confirm.no");
        CHECK(app.screen_name() == "staff_panel");
    }
}

TEST_CASE("defect 10: kiosk landscape shows Back on the salary screen and fills the welcome screen") {
    KioskApp app(headless(1920, 1080));
    TestDriver driver(app);
    driver.settle();
    const auto region = *app.registry().find("screen.scroll");
    float top = 1e9f, bottom = 0;
    for (const auto& [name, rect] : app.registry().widgets())
        if (name.rfind("lang.", 0) == 0) top = std::min(top, rect.min.y), bottom = std::max(bottom, rect.max.y);
    INFO("language buttons from " << top << " to " << bottom << " in a screen area " << region.height() << " high");
    CHECK(bottom - top >= 0.5f * region.height());
    to_salary_question(driver, app, "en");
    CHECK(matching(opening_problems(app), "below the fold") == "");
}
