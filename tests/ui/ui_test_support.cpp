#include "ui_test_support.h"

#include "scripted_walk.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <catch2/catch.hpp>

#include <unordered_set>

namespace selfcheck::testing {
namespace {

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

}  // namespace

KioskConfig headless(int width, int height) {
    KioskConfig config;
    config.headless = true;
    config.width = width;
    config.height = height;
    config.screen_dpi = typical_dpi(width, height);
    return config;
}

int typical_dpi(int width, int height) {
    const int short_side = std::min(width, height);
    if (short_side <= 600) return 133;
    if (short_side <= 900) return 149;
    return 102;
}

void check_text_of_frame(KioskApp& app) {
    int width = 0, height = 0;
    app.display().size(width, height);
    for (const auto& [name, rect] : app.registry().widgets()) {
        if (!rect.visible) {  // scrolled out of view: its scroll region must be on screen
            INFO("widget " << name);
            REQUIRE(app.registry().scroll_region_of(name));
            continue;
        }
        INFO("widget " << name);
        if (name.rfind("qr.", 0) != 0 && name != "screen.scroll") {  // QR codes are scanned, not tapped
            CHECK(rect.width() >= min_target_px(app.screen_dpi()));
            CHECK(rect.height() >= min_target_px(app.screen_dpi()));
        }
        CHECK(rect.min.x >= 0);
        CHECK(rect.min.y >= 0);
        CHECK(rect.max.x <= float(width));
        CHECK(rect.max.y <= float(height));
    }
    for (const auto& drawn : app.registry().texts()) {
        INFO("text: " << drawn.text);
        CHECK_FALSE(drawn.overflowed);
        CHECK(drawn.font_size >= min_text_px(app.screen_dpi()));
        for (unsigned c : codepoints(drawn.text)) {
            if (c == ' ' || c == '\n') continue;
            INFO("codepoint U+" << std::hex << c);
            CHECK(app.fonts().body->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
            CHECK(app.fonts().title->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
        }
    }
}

void check_not_blank(const std::vector<uint8_t>& rgba) {
    std::unordered_set<uint32_t> colours;
    const size_t pixels = rgba.size() / 4;
    size_t differing = 0;
    const uint32_t background = uint32_t(rgba[0]) | uint32_t(rgba[1]) << 8 | uint32_t(rgba[2]) << 16;
    for (size_t i = 0; i < pixels && (colours.size() <= 20 || differing <= pixels / 50); ++i) {
        const uint32_t c = uint32_t(rgba[4 * i]) | uint32_t(rgba[4 * i + 1]) << 8 | uint32_t(rgba[4 * i + 2]) << 16;
        colours.insert(c);
        if (c != background) ++differing;
    }
    CHECK(colours.size() > 20);
    CHECK(differing > pixels / 50);  // more than 2% of the screen is drawn on
}

void answer_first_question(TestDriver& driver, KioskApp& app, const std::string& locale) {
    walk_to(driver, app, locale, first_answer, [&app](const Question&) { return !app.session().answers().empty(); });
}

}  // namespace selfcheck::testing
