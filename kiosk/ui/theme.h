#pragma once
// The kiosk's look: calm, neutral, high contrast. Sizes are in em (the body font size), so one
// layout serves a 480x800 phone and a 1920x1080 kiosk. Every control's edge stands 3:1 or
// more against what is around it (WCAG 1.4.11), every text 4.5:1 (tests/ui/theme_contrast_test).
#include "kiosk/ui/icons.h"

#include <imgui.h>

#include <string>

namespace selfcheck::ui {

// How a result level is shown: its colour, a tint behind its panel and its icon.
struct LevelStyle {
    ImU32 colour;
    ImU32 tint;
    const char* icon;
};

struct Theme {
    ImU32 background = IM_COL32(0xF7, 0xF5, 0xF0, 0xFF);
    ImU32 text = IM_COL32(0x1F, 0x29, 0x33, 0xFF);
    ImU32 muted_text = IM_COL32(0x4A, 0x55, 0x60, 0xFF);
    ImU32 primary = IM_COL32(0x1F, 0x5F, 0x8B, 0xFF);
    ImU32 primary_pressed = IM_COL32(0x16, 0x47, 0x69, 0xFF);
    ImU32 on_primary = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    // Secondary controls are white with a dark edge: the edge, not the fill, marks them.
    ImU32 secondary = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 secondary_pressed = IM_COL32(0xDC, 0xE3, 0xEA, 0xFF);
    ImU32 on_secondary = IM_COL32(0x1F, 0x29, 0x33, 0xFF);
    ImU32 edge = IM_COL32(0x5E, 0x6B, 0x78, 0xFF);
    // The quick exit is a safety exit: strong red, the same place on every screen.
    ImU32 exit = IM_COL32(0xB0, 0x1E, 0x1E, 0xFF);
    ImU32 exit_pressed = IM_COL32(0x85, 0x14, 0x14, 0xFF);
    ImU32 progress_track = IM_COL32(0xC9, 0xD0, 0xD6, 0xFF);
    ImU32 top_bar = IM_COL32(0xEC, 0xE9, 0xE2, 0xFF);
    ImU32 staff_bar = IM_COL32(0x2B, 0x33, 0x3B, 0xFF);  // staff mode: a dark header, unlike any worker screen
    ImU32 on_staff_bar = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 bottom_bar = IM_COL32(0xEC, 0xE9, 0xE2, 0xFF);
    ImU32 card = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 field = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);  // the number pad's value and the PIN dots
    ImU32 scrim = IM_COL32(0x1F, 0x29, 0x33, 0xB0);  // dims the screen behind a panel
    ImU32 good = IM_COL32(0x1E, 0x6B, 0x3A, 0xFF);
    ImU32 warning = IM_COL32(0x8A, 0x4B, 0x00, 0xFF);
    ImU32 danger = IM_COL32(0xB0, 0x1E, 0x1E, 0xFF);

    LevelStyle forced_labour{IM_COL32(0xB0, 0x1E, 0x1E, 0xFF), IM_COL32(0xFC, 0xEB, 0xEA, 0xFF), icon::kWarning};
    LevelStyle rights_concern{IM_COL32(0x8A, 0x4B, 0x00, 0xFF), IM_COL32(0xFF, 0xF3, 0xE0, 0xFF), icon::kInfo};
    LevelStyle no_concern{IM_COL32(0x1E, 0x6B, 0x3A, 0xFF), IM_COL32(0xE7, 0xF4, 0xEA, 0xFF), icon::kCheckCircle};
    // Most questions declined or "not sure": neither good nor bad news, so neither green nor a
    // warning colour: violet and a question mark.
    LevelStyle few_answers{IM_COL32(0x5E, 0x3C, 0x99, 0xFF), IM_COL32(0xF1, 0xEC, 0xF8, 0xFF), icon::kUnknown};
    // "What to do now" when she may be in danger, above any level's panel: danger red, a phone.
    LevelStyle urgent{IM_COL32(0xB0, 0x1E, 0x1E, 0xFF), IM_COL32(0xFC, 0xEB, 0xEA, 0xFF), icon::kCall};

    // Layout, in em.
    float padding = 1.0f;
    float gap = 0.6f;
    float button_height = 2.8f;
    float min_target = 1.45f;  // the smallest control: 9 mm at every size the kiosk runs at (em_for_display)
    float rounding = 0.35f;
    float edge_width = 0.09f;    // secondary controls' and cards' edge
    float header_height = 2.6f;  // one row on every screen, in every language
    float bottom_bar_height = 3.4f;
    float cue_height = 1.5f;  // the strip that says more lies below
};

const Theme& theme();

// The style of a result level by its id (forced_labour_signs, rights_concerns, few_answers,
// anything else: no_concerns).
const LevelStyle& level_style(const std::string& level_id);

// Applies the theme to ImGui's style for the given em.
void apply_theme(float em);

}  // namespace selfcheck::ui
