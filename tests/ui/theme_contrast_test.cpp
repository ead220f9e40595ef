// Every text/background pair the theme uses reaches WCAG AA contrast (4.5:1), and every
// control's edge 3:1 against its surroundings (WCAG 1.4.11).
#include "kiosk/ui/theme.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

using namespace selfcheck::ui;

namespace {

// WCAG 2 relative luminance of an sRGB colour packed by IM_COL32 (R in the low byte).
double luminance(ImU32 colour) {
    auto channel = [](unsigned value) {
        const double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour & 0xFF) + 0.7152 * channel((colour >> 8) & 0xFF) +
           0.0722 * channel((colour >> 16) & 0xFF);
}

double contrast(ImU32 a, ImU32 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace

TEST_CASE("WCAG contrast: black on white is 21:1, equal colours 1:1") {
    CHECK(contrast(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == Approx(21.0));
    CHECK(contrast(IM_COL32(90, 90, 90, 255), IM_COL32(90, 90, 90, 255)) == Approx(1.0));
}

TEST_CASE("every text colour of the theme reads at 4.5:1 or more on its background") {
    const Theme& t = theme();
    const struct {
        const char* what;
        ImU32 text;
        ImU32 background;
    } pairs[] = {
        {"text on background", t.text, t.background},
        {"muted text on background", t.muted_text, t.background},
        {"muted text (title) on top bar", t.muted_text, t.top_bar},
        {"text on card", t.text, t.card},
        {"muted text on card", t.muted_text, t.card},
        {"primary button label", t.on_primary, t.primary},
        {"primary button label, pressed", t.on_primary, t.primary_pressed},
        {"secondary button label", t.on_secondary, t.secondary},
        {"secondary button label, pressed", t.on_secondary, t.secondary_pressed},
        {"exit button label", t.on_primary, t.exit},
        {"exit button label, pressed", t.on_primary, t.exit_pressed},
        {"number pad value", t.text, t.field},
        {"staff header", t.on_staff_bar, t.staff_bar},
        {"demo badge", t.on_primary, t.warning},
        {"enrolled badge", t.on_primary, t.good},
        {"wrong PIN", t.danger, t.background},
        {"more-below cue", t.primary, t.background},
        {"phone number on a card", t.primary, t.card},
        {"text on a level's tint", t.text, t.forced_labour.tint},
        {"text on the urgent panel", t.text, t.urgent.tint},
        {"text on the few-answers panel", t.text, t.few_answers.tint},
        {"QR code on card", t.text, t.card},
    };
    for (const auto& pair : pairs) {
        INFO(pair.what << ": " << contrast(pair.text, pair.background) << ":1");
        CHECK(contrast(pair.text, pair.background) >= 4.5);
    }
}

TEST_CASE("every control's edge stands out 3:1 from what is around it (WCAG 1.4.11)") {
    const Theme& t = theme();
    const struct {
        const char* what;
        ImU32 edge;
        ImU32 around;
    } pairs[] = {
        {"secondary button (answers, keys, Back) on the page", t.edge, t.background},
        {"secondary button in the header (Language)", t.edge, t.top_bar},
        {"secondary button in the bottom bar", t.edge, t.bottom_bar},
        {"secondary button on a card", t.edge, t.card},
        {"primary button on the page", t.primary, t.background},
        {"primary button in the bottom bar", t.primary, t.bottom_bar},
        {"quick exit in the header", t.exit, t.top_bar},
        {"help card's edge on the page", t.edge, t.background},
        {"forced-labour panel's edge", t.forced_labour.colour, t.background},
        {"rights panel's edge", t.rights_concern.colour, t.background},
        {"no-concerns panel's edge", t.no_concern.colour, t.background},
        {"forced-labour icon on its tint", t.forced_labour.colour, t.forced_labour.tint},
        {"rights icon on its tint", t.rights_concern.colour, t.rights_concern.tint},
        {"no-concerns icon on its tint", t.no_concern.colour, t.no_concern.tint},
        {"few-answers panel's edge", t.few_answers.colour, t.background},
        {"few-answers icon on its tint", t.few_answers.colour, t.few_answers.tint},
        {"urgent panel's edge", t.urgent.colour, t.background},
        {"urgent icon on its tint", t.urgent.colour, t.urgent.tint},
        {"progress bar on its track", t.primary, t.progress_track},
    };
    for (const auto& pair : pairs) {
        INFO(pair.what << ": " << contrast(pair.edge, pair.around) << ":1");
        CHECK(contrast(pair.edge, pair.around) >= 3.0);
    }
}

TEST_CASE("the four result levels have four different colours and icons") {
    const Theme& t = theme();
    const LevelStyle* styles[] = {&t.forced_labour, &t.rights_concern, &t.few_answers, &t.no_concern};
    for (const LevelStyle* a : styles)
        for (const LevelStyle* b : styles) {
            if (a == b) continue;
            CHECK(a->colour != b->colour);
            CHECK(a->tint != b->tint);
            CHECK(std::string(a->icon) != b->icon);
        }
    CHECK(&level_style("forced_labour_signs") == &t.forced_labour);
    CHECK(&level_style("rights_concerns") == &t.rights_concern);
    CHECK(&level_style("few_answers") == &t.few_answers);  // not the green tick of no_concerns
    CHECK(&level_style("no_concerns") == &t.no_concern);
}
