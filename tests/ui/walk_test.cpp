// Headless walks through the kiosk, as a person would tap it, checking what she would see.
#include "kiosk_app.h"
#include "scripted_walk.h"
#include "temp_dir.h"
#include "test_driver.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <catch2/catch.hpp>

#include <set>

using namespace selfcheck;
using selfcheck::testing::TempDir;

namespace {

KioskConfig headless(int width, int height) {
    KioskConfig config;
    config.headless = true;
    config.width = width;
    config.height = height;
    return config;
}

// Decodes UTF-8 the way ImGui does, so the check matches what it would draw.
std::vector<unsigned> codepoints(const std::string& text) {
    std::vector<unsigned> out;
    const char* s = text.c_str();
    const char* end = s + text.size();
    while (s < end) {
        unsigned c = 0;
        s += ImTextCharFromUtf8(&c, s, end);
        out.push_back(c);
    }
    return out;
}

// Every character of every string drawn this frame has a glyph in the atlas, every string
// fitted its box, and every button lies wholly on screen where a finger can reach it.
void check_text_of_frame(KioskApp& app) {
    int width = 0, height = 0;
    app.display().size(width, height);
    for (const auto& [name, rect] : app.registry().widgets()) {
        INFO("widget " << name);
        CHECK(rect.min.x >= 0);
        CHECK(rect.min.y >= 0);
        CHECK(rect.max.x <= float(width));
        CHECK(rect.max.y <= float(height));
    }
    for (const auto& drawn : app.registry().texts()) {
        INFO("text: " << drawn.text);
        CHECK_FALSE(drawn.overflowed);
        for (unsigned c : codepoints(drawn.text)) {
            if (c == ' ' || c == '\n') continue;
            INFO("codepoint U+" << std::hex << c);
            CHECK(app.fonts().body->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
            CHECK(app.fonts().title->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
        }
    }
}

// Not blank: a real screen has text and buttons, so many pixels differ from the background
// and there are many distinct colours (anti-aliased glyphs).
void check_not_blank(const std::vector<uint8_t>& rgba) {
    std::set<uint32_t> colours;
    size_t differing = 0;
    const uint32_t background = uint32_t(rgba[0]) | uint32_t(rgba[1]) << 8 | uint32_t(rgba[2]) << 16;
    for (size_t i = 0; i + 3 < rgba.size(); i += 4) {
        const uint32_t c = uint32_t(rgba[i]) | uint32_t(rgba[i + 1]) << 8 | uint32_t(rgba[i + 2]) << 16;
        colours.insert(c);
        if (c != background) ++differing;
    }
    CHECK(colours.size() > 20);
    CHECK(differing > rgba.size() / 4 / 50);  // more than 2% of the screen is drawn on
}

}  // namespace

TEST_CASE("a session can be walked in every language at phone tablet and kiosk sizes") {
    const std::pair<int, int> sizes[] = {{480, 800}, {800, 1280}, {1920, 1080}};
    for (const auto& [width, height] : sizes) {
        KioskApp app(headless(width, height));
        for (const auto& language : app.form().languages) {
            {
                INFO(language.locale << " at " << width << "x" << height);
                TempDir dir;
                TestDriver driver(app);
                driver.settle();
                REQUIRE(app.screen_name() == "welcome");
                for (const auto& l : app.form().languages) CHECK(driver.has("lang." + l.locale));
                check_text_of_frame(app);
                check_not_blank(driver.screenshot(dir.path() / "welcome.png"));

                driver.tap("lang." + language.locale);
                while (app.session().step() == Step::Question) {
                    const Question* q = app.session().current_question();
                    INFO("question " << q->id);
                    check_text_of_frame(app);
                    check_not_blank(driver.screenshot(dir.path() / (q->id + ".png")));
                    CHECK(driver.has("nav.quick_exit"));
                    CHECK(driver.has("nav.back"));
                    if (q->type == QuestionType::Choice)
                        driver.tap("answer." + q->options.back().code);
                    else
                        app.session().answer(q->number.max), driver.settle();
                }
                REQUIRE(app.screen_name() == "thanks");
                check_text_of_frame(app);
                check_not_blank(driver.screenshot(dir.path() / "thanks.png"));
                driver.tap("thanks.finish");
                CHECK(app.screen_name() == "welcome");
            }
        }
        CHECK(app.records_completed() == int(app.form().languages.size()));
    }
}

TEST_CASE("the same taps give byte-identical screenshots") {
    auto capture = [] {
        KioskApp app(headless(480, 800));
        TestDriver driver(app);
        TempDir dir;
        driver.settle();
        std::vector<std::vector<uint8_t>> frames{driver.screenshot(dir.path() / "a.png")};
        driver.tap("lang.zh_Hant_HK");
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
    const Question* first = app.session().current_question();
    REQUIRE(first);
    if (app.form().questions.size() > 1) {
        driver.tap("answer." + first->options.front().code);
        CHECK_FALSE(app.session().answers().empty());
    }
    driver.tap("nav.quick_exit");
    CHECK(app.screen_name() == "welcome");
    CHECK(app.session().answers().empty());
    CHECK(app.records_completed() == 0);
}

TEST_CASE("tapping a widget that is not on screen says which widgets are") {
    KioskApp app(headless(480, 800));
    TestDriver driver(app);
    driver.settle();
    CHECK_THROWS_WITH(driver.tap("answer.yes"), Catch::Matchers::Contains("welcome") && Catch::Matchers::Contains("lang.en"));
}
