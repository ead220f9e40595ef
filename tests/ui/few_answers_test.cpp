// Most questions declined or "not sure" (scoring.yaml few_answers): the answers cannot show
// that all is well, so the result must not look or read like good news.
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/scripted_walk.h"
#include "kiosk/app/test_driver.h"
#include "kiosk/ui/theme.h"
#include "tests/ui/ui_test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace selfcheck;
using namespace selfcheck::testing;

namespace {

bool drawn(KioskApp& app, const std::string& text) {
    for (const auto& d : app.registry().texts())
        if (d.text.find(text) != std::string::npos) return true;
    return false;
}

// Pixels of exactly `colour` inside `box`, its edge left out: the level's icon.
size_t ink_inside(KioskApp& app, const ui::WidgetRect& box, ImU32 colour) {
    int width = 0, height = 0;
    app.display().size(width, height);
    const auto rgba = app.display().read_rgba();
    const int inset = int(app.fonts().em * 0.3f);
    size_t ink = 0;
    for (int y = std::max(0, int(box.min.y) + inset); y < std::min(height, int(box.max.y) - inset); ++y)
        for (int x = int(box.min.x) + inset; x < int(box.max.x) - inset; ++x) {
            const uint8_t* p = &rgba[(size_t(y) * size_t(width) + size_t(x)) * 4];
            ink += IM_COL32(p[0], p[1], p[2], 0xFF) == colour;
        }
    return ink;
}

}  // namespace

TEST_CASE("most questions declined: its own panel and words, never the good news, in every language") {
    const ui::Theme& t = ui::theme();
    KioskApp app(headless(480, 800));
    TestDriver driver(app);
    for (const auto& language : app.form().languages) {
        const std::string& locale = language.locale;
        INFO(locale);
        walk_to(driver, app, locale, declining_answer);
        REQUIRE(app.screen_name() == "result");
        const ResultLevel& level = *app.session().assessment()->level;
        REQUIRE(level.id == "few_answers");
        // Violet with a question mark: not the green tick that says all is well.
        const auto panel = app.registry().find("box.outcome");
        REQUIRE(panel);
        CHECK(panel->boundary == t.few_answers.colour);
        CHECK(panel->boundary != t.no_concern.colour);
        CHECK(ink_inside(app, *panel, t.few_answers.colour) > 20);  // its icon
        CHECK(ink_inside(app, *panel, t.no_concern.colour) == 0);
        const Messages& m = app.messages();
        CHECK(drawn(app, m.text(locale, level.title_key)));
        CHECK(drawn(app, m.text(locale, level.explain_key)));
        const ResultLevel* all_well = app.content().find_level("no_concerns");
        REQUIRE(all_well);
        CHECK_FALSE(drawn(app, m.text(locale, all_well->title_key)));
        CHECK_FALSE(drawn(app, m.text(locale, all_well->explain_key)));  // "That is good to hear"
        check_text_of_frame(app);                                        // the layout check, as for the other levels
        driver.tap("result.finish");
    }
}
