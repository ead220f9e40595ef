#include "tests/ui/ui_test_support.h"

#include "kiosk/app/frame_check.h"
#include "kiosk/app/scripted_walk.h"
#include "kiosk/core/staff_pin.h"

#include <catch2/catch.hpp>

#include <unordered_set>

namespace selfcheck::testing {
KioskConfig headless(int width, int height) {
    KioskConfig config;
    config.headless = true;
    config.width = width;
    config.height = height;
    config.device.screen_dpi = typical_dpi(width, height);
    return config;
}

const std::string& test_staff_pin_hash() {
    static const std::string hash = hash_staff_pin(kTestStaffPin);
    return hash;
}

void check_text_of_frame(KioskApp& app) {
    const std::vector<std::string> problems = frame_problems(app);
    std::string listed;
    for (const auto& problem : problems) listed += "\n  " + problem;
    INFO("screen " << app.screen_name() << ":" << listed);
    CHECK(problems.empty());
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
