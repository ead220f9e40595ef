#pragma once
// The kiosk's look: calm, neutral, high contrast. Sizes are in em (the body font size), so one
// layout serves a 480x800 phone and a 1920x1080 kiosk.
#include <imgui.h>

namespace selfcheck::ui {

struct Theme {
    ImU32 background = IM_COL32(0xF7, 0xF5, 0xF0, 0xFF);
    ImU32 text = IM_COL32(0x1F, 0x29, 0x33, 0xFF);
    ImU32 muted_text = IM_COL32(0x4A, 0x55, 0x60, 0xFF);
    ImU32 primary = IM_COL32(0x1F, 0x5F, 0x8B, 0xFF);
    ImU32 primary_pressed = IM_COL32(0x16, 0x47, 0x69, 0xFF);
    ImU32 on_primary = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 secondary = IM_COL32(0xE4, 0xE7, 0xEB, 0xFF);
    ImU32 secondary_pressed = IM_COL32(0xCB, 0xD2, 0xD9, 0xFF);
    ImU32 on_secondary = IM_COL32(0x1F, 0x29, 0x33, 0xFF);
    ImU32 exit = IM_COL32(0x3E, 0x4C, 0x59, 0xFF);
    ImU32 exit_pressed = IM_COL32(0x2A, 0x34, 0x3E, 0xFF);
    ImU32 progress_track = IM_COL32(0xD9, 0xDE, 0xE3, 0xFF);
    ImU32 top_bar = IM_COL32(0xEC, 0xE9, 0xE2, 0xFF);
    ImU32 card = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 scrim = IM_COL32(0x1F, 0x29, 0x33, 0xB0);  // dims the screen behind a panel

    // Layout, in em.
    float padding = 1.0f;
    float gap = 0.6f;
    float button_height = 2.8f;
    float rounding = 0.35f;
    float top_bar_height = 2.6f;
};

const Theme& theme();

// Applies the theme to ImGui's style for the given em.
void apply_theme(float em);

}  // namespace selfcheck::ui
