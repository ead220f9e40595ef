// Every text/background pair the theme uses reaches WCAG AA contrast (4.5:1).
#include "kiosk/ui/theme.h"

#include <catch2/catch.hpp>

#include <cmath>

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
        {"number pad value", t.text, t.secondary},
        {"QR code on card", t.text, t.card},
    };
    for (const auto& pair : pairs) {
        INFO(pair.what << ": " << contrast(pair.text, pair.background) << ":1");
        CHECK(contrast(pair.text, pair.background) >= 4.5);
    }
}
