// Headless walks through the kiosk, as a person would tap it, checking what she would see.
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/scripted_walk.h"
#include "kiosk/app/test_driver.h"
#include "kiosk/ui/theme.h"
#include "tests/support/temp_dir.h"
#include "tests/ui/ui_test_support.h"

#include <catch2/catch.hpp>
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <set>
#include <stdexcept>
#include <unordered_set>

using namespace selfcheck;
using namespace selfcheck::testing;

namespace {

struct RunOutput {
    int status;
    std::string text;
};

// Runs a shell command and returns its standard output.
RunOutput run_capture(const std::string& command) {
    RunOutput out{-1, ""};
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return out;
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.text.append(buffer, n);
    out.status = pclose(pipe);
    return out;
}

// Walks one session by tapping, checking every screen; returns the result level reached.
std::string walk_session(KioskApp& app, TestDriver& driver, const std::string& locale, const LevelWalk& walk,
                         const std::filesystem::path& shots) {
    int width = 0, height = 0;
    app.display().size(width, height);
    const std::string suffix = locale + "-" + std::to_string(width) + "x" + std::to_string(height) + ".png";
    driver.settle();
    REQUIRE(app.screen_name() == "welcome");
    check_text_of_frame(app);
    check_not_blank(driver.screenshot(shots / ("welcome-" + suffix)));
    driver.tap("lang." + locale);
    REQUIRE(app.screen_name() == "privacy");
    check_text_of_frame(app);
    check_not_blank(driver.screenshot(shots / ("privacy-" + suffix)));
    driver.tap("privacy.continue");
    int shown = 0;
    while (app.session().step() == Step::Question) {
        const Question* q = app.session().current_question();
        INFO("question " << q->id);
        check_text_of_frame(app);
        CHECK(driver.has("nav.quick_exit"));
        CHECK(driver.has("nav.back"));
        // Keep pictures of the first three questions; check every one.
        const auto file = shots / ("question-" + std::to_string(shown) + "-" + q->id + "-" + suffix);
        check_not_blank(shown++ < 3 ? driver.screenshot(file) : driver.pixels());
        give_answer(driver, walk.policy(*q, app.session().answers()));
    }
    REQUIRE(app.screen_name() == "result");
    const std::string level = app.session().assessment()->level->id;
    check_text_of_frame(app);
    check_not_blank(driver.screenshot(shots / ("result-" + level + "-" + suffix)));
    driver.tap("result.finish");
    CHECK(app.screen_name() == "welcome");
    return level;
}

std::filesystem::path screenshot_dir(const std::string& name) {
    const auto dir = std::filesystem::path(SELFCHECK_BINARY_DIR) / "screenshots" / name;
    std::filesystem::create_directories(dir);
    return dir;
}

// Walks `walk` in every language at one size. One test case per size and, on the phone, per
// level, so CTest runs them side by side and each stays well inside its timeout.
void walk_every_language(int width, int height, const LevelWalk& walk) {
    KioskApp app(headless(width, height));
    TestDriver driver(app);
    int completed = 0;
    for (const auto& language : app.form().languages) {
        INFO(language.locale << " at " << width << "x" << height << ", walk to " << walk.level);
        const auto shots = screenshot_dir("walk-" + walk.level);
        CHECK(walk_session(app, driver, language.locale, walk, shots) == walk.level);
        ++completed;
    }
    CHECK(app.records_completed() == completed);
}

const LevelWalk& walk_to_level(const std::string& level) {
    for (const LevelWalk& walk : level_walks())
        if (walk.level == level) return walk;
    throw std::invalid_argument("no walk to level " + level);
}

}  // namespace

// Every walk on the phone, the tightest layout; the longest walk (every follow-up question
// shown: level_walks() lists it first) on the tablet and the kiosk.
TEST_CASE("a walk reaches forced_labour_signs in every language on a phone (480x800)") {
    walk_every_language(480, 800, walk_to_level("forced_labour_signs"));
}

TEST_CASE("a walk reaches rights_concerns in every language on a phone (480x800)") {
    walk_every_language(480, 800, walk_to_level("rights_concerns"));
}

TEST_CASE("a walk reaches few_answers in every language on a phone (480x800)") {
    walk_every_language(480, 800, walk_to_level("few_answers"));
}

TEST_CASE("a walk reaches no_concerns in every language on a phone (480x800)") {
    walk_every_language(480, 800, walk_to_level("no_concerns"));
}

TEST_CASE("the longest walk reaches its level in every language on a tablet (800x1280)") {
    walk_every_language(800, 1280, level_walks().front());
}

TEST_CASE("the longest walk reaches its level in every language on a kiosk (1920x1080)") {
    walk_every_language(1920, 1080, level_walks().front());
}

TEST_CASE("the same taps give byte-identical screenshots") {
    auto capture = [] {
        KioskApp app(headless(480, 800));
        TestDriver driver(app);
        TempDir dir;
        driver.settle();
        std::vector<std::vector<uint8_t>> frames{driver.screenshot(dir.path() / "a.png")};
        driver.tap("lang.zh_Hant_HK");
        driver.tap("privacy.continue");
        frames.push_back(driver.screenshot(dir.path() / "b.png"));
        return frames;
    };
    const auto first = capture();
    const auto second = capture();
    REQUIRE(first.size() == second.size());
    for (size_t i = 0; i < first.size(); ++i) CHECK(first[i] == second[i]);
    CHECK(first[0] != first[1]);  // and the tap did change the screen
}

TEST_CASE("quick exit from a question wipes the answers and stores nothing") {
    KioskApp app(headless(800, 1280));
    TestDriver driver(app);
    driver.settle();
    driver.tap("lang.id");
    driver.tap("privacy.continue");
    const Question* first = app.session().current_question();
    REQUIRE(first);
    driver.tap("answer." + first->options.front().code);
    CHECK_FALSE(app.session().answers().empty());
    driver.tap("nav.quick_exit");
    CHECK(app.screen_name() == "welcome");
    CHECK(app.session().answers().empty());
    CHECK(app.records_completed() == 0);
}

TEST_CASE("tapping a widget that is not on screen says which widgets are") {
    KioskApp app(headless(480, 800));
    TestDriver driver(app);
    driver.settle();
    CHECK_THROWS_WITH(driver.tap("answer.yes"),
                      Catch::Matchers::Contains("welcome") && Catch::Matchers::Contains("lang.en"));
}

TEST_CASE("a new question starts at the top however far the last one was scrolled") {
    // On a tiny screen every question is taller than the screen, so an old offset would show.
    KioskApp app(headless(400, 400));
    TestDriver driver(app);
    driver.settle();
    driver.tap("lang.en");
    driver.tap("privacy.continue");
    const Question* first = app.session().current_question();
    REQUIRE(first->type == QuestionType::Choice);
    CHECK(app.registry().scrolled() == 0);
    const auto region = *app.registry().find("screen.scroll");
    driver.drag(ImVec2(region.center().x, region.max.y - 5), ImVec2(region.center().x, region.min.y + 5));
    REQUIRE(app.registry().scrolled() > 0);
    driver.tap("answer." + first->options.back().code);
    REQUIRE(app.session().current_question() != first);
    CHECK(app.registry().scrolled() == 0);
    // This question too is taller than the screen: its last answer lies below, Back stays in its bar.
    CHECK_FALSE(app.registry().find("answer." + app.session().current_question()->options.back().code)->visible);
    CHECK(app.registry().find("nav.back")->visible);
}

TEST_CASE("an abandoned session asks Still there? then wipes, storing nothing") {
    using namespace std::chrono_literals;
    FakeClock clock;
    KioskConfig config = headless(480, 800);
    config.clock = clock.source();
    KioskApp app(config);
    TestDriver driver(app);
    answer_first_question(driver, app, "en");
    REQUIRE_FALSE(app.session().answers().empty());

    clock.advance(89s);
    driver.settle();
    CHECK_FALSE(driver.has("idle.continue"));
    clock.advance(1s);
    driver.settle();
    REQUIRE(driver.has("idle.continue"));
    bool countdown_shown = false;
    for (const auto& drawn : app.registry().texts())
        countdown_shown |= drawn.text.find("20 seconds") != std::string::npos;
    CHECK(countdown_shown);
    CHECK(app.screen_name() == "question");  // her answers are still there during the countdown

    clock.advance(20s);
    driver.settle();
    CHECK(app.screen_name() == "welcome");
    CHECK(app.session().answers().empty());
    CHECK(app.records_completed() == 0);
}

TEST_CASE("a touch during Still there? keeps the session") {
    using namespace std::chrono_literals;
    FakeClock clock;
    KioskConfig config = headless(800, 1280);
    config.clock = clock.source();
    KioskApp app(config);
    TestDriver driver(app);
    answer_first_question(driver, app, "id");
    clock.advance(95s);
    driver.settle();
    REQUIRE(driver.has("idle.continue"));
    driver.tap("idle.continue");
    CHECK_FALSE(driver.has("idle.continue"));
    clock.advance(80s);
    driver.settle();
    CHECK(app.screen_name() == "question");
    CHECK(app.session().answers().size() == 1);
}

TEST_CASE("changing language mid-way keeps the answers and shows the new language") {
    KioskApp app(headless(480, 800));
    TestDriver driver(app);
    answer_first_question(driver, app, "en");
    const std::string asked = app.session().current_question()->id;
    driver.tap("nav.change_language");
    driver.tap("lang.zh_Hant_HK");
    CHECK(app.session().locale() == "zh_Hant_HK");
    CHECK(app.session().current_question()->id == asked);
    CHECK(app.session().answers().size() == 1);
    CHECK_FALSE(driver.has("lang.en"));  // the list closed
    bool chinese = false;
    for (const auto& drawn : app.registry().texts())
        chinese |= drawn.text.find("\xe9\x9b\xa2\xe9\x96\x8b") != std::string::npos;  // 離開
    CHECK(chinese);
}

TEST_CASE("the QR codes on the result screen scan back to the help numbers") {
    // scripts/setup installs zbar-tools: without zbarimg this check would pass unchecked.
    REQUIRE(std::system("command -v zbarimg >/dev/null 2>&1") == 0);
    KioskApp app(headless(800, 1280));
    TestDriver driver(app);
    walk_to(driver, app, "en", [](const Question& q, const Answers& a) {
        return q.id == "violence" ? AnswerValue(std::string("yes")) : quiet_answer(q, a);
    });
    REQUIRE(app.screen_name() == "result");
    TempDir dir;
    std::string decoded;
    for (int page = 0; page < 12; ++page) {  // scan every screenful of the result
        const auto file = dir.path() / ("result-" + std::to_string(page) + ".png");
        driver.screenshot(file);
        const RunOutput out = run_capture("zbarimg --raw -q " + file.string());
        decoded += out.text;
        const float before = app.registry().scrolled();
        const auto region = *app.registry().find("screen.scroll");
        driver.drag(ImVec2(region.center().x, region.max.y - 5), ImVec2(region.center().x, region.min.y + 5));
        if (app.registry().scrolled() == before) break;
    }
    INFO("decoded:\n" << decoded);
    CHECK_THAT(decoded, Catch::Matchers::Contains("tel:999"));           // violence: the police are listed
    CHECK_THAT(decoded, Catch::Matchers::Contains("tel:+85221579537"));  // the Labour Department hotline
}

namespace {

// Presses at `from`, moves to `to` in `steps` frames, lifts: a flick when the steps are few.
void flick(KioskApp& app, ImVec2 from, ImVec2 to, int steps) {
    app.input().press(from.x, from.y);
    app.render_frame();
    for (int i = 1; i <= steps; ++i) {
        const float f = float(i) / float(steps);
        app.input().move(from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f);
        app.render_frame();
    }
    app.input().release(to.x, to.y);
    app.render_frame();
}

// The "more below" cue: a strip of its own between the screen and the bottom bar, drawn in
// the theme's primary colour (an arrow and words), never over the screen's content.
bool more_below_shown(KioskApp& app) {
    const auto cue = app.registry().find("cue.more_below");
    if (!cue) return false;
    const auto region = *app.registry().find("screen.scroll");
    CHECK(cue->min.y >= region.max.y - 0.5f);  // below the scrolled content, not over it
    int width = 0, height = 0;
    app.display().size(width, height);
    const auto rgba = app.display().read_rgba();
    size_t ink = 0;
    for (int y = int(cue->min.y) + 1; y < int(cue->max.y); ++y)
        for (int x = int(cue->min.x); x < int(cue->max.x); ++x) {
            const uint8_t* p = &rgba[(size_t(y) * size_t(width) + size_t(x)) * 4];
            ink += IM_COL32(p[0], p[1], p[2], 0xFF) == ui::theme().primary;
        }
    return ink > 20;
}

}  // namespace

TEST_CASE("a flicked screen glides on after the finger lifts and a touch stops it") {
    KioskApp app(headless(400, 400));  // a question taller than the screen, so there is room to glide
    TestDriver driver(app);
    driver.settle();
    driver.tap("lang.en");
    driver.tap("privacy.continue");
    const auto region = *app.registry().find("screen.scroll");
    const float x = region.center().x;
    flick(app, ImVec2(x, region.max.y - 10), ImVec2(x, region.max.y - 10 - 3 * app.fonts().em), 3);
    const float at_release = app.registry().scrolled();
    REQUIRE(app.animating());
    app.render_frame();
    app.render_frame();
    CHECK(app.registry().scrolled() > at_release);  // still moving with no finger down

    app.input().press(x, region.center().y);  // a finger down stops it where it is
    app.render_frame();
    CHECK_FALSE(app.animating());
    app.input().release(x, region.center().y);
    app.render_frame();

    // A slow drag lets go without a glide.
    driver.settle();
    flick(app, ImVec2(x, region.max.y - 10), ImVec2(x, region.max.y - 10 - app.fonts().em), 40);
    app.render_frame();
    app.render_frame();
    CHECK_FALSE(app.animating());
}

TEST_CASE("a cue shows while more lies below and goes at the end") {
    KioskApp app(headless(400, 400));  // the first question is taller than so small a screen
    TestDriver driver(app);
    driver.settle();
    driver.tap("lang.en");
    driver.tap("privacy.continue");
    REQUIRE_FALSE(app.registry().find("answer.prefer_not")->visible);
    CHECK(more_below_shown(app));
    driver.scroll_to_end("screen.scroll");
    CHECK_FALSE(more_below_shown(app));
}
