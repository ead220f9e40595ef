#pragma once
// One function per screen. Each reads the session and sends it intents; none holds rules.
#include "kiosk/ui/ui_context.h"

namespace selfcheck::ui {

// Where a screen draws: `min` is its origin on screen (it moves as the content scrolls),
// `size` the part of the screen it is shown in.
struct ScreenArea {
    ImVec2 min;
    ImVec2 size;
    float width() const { return size.x; }
    float height() const { return size.y; }
    bool landscape() const { return size.x > size.y; }
};

// A centred column at most `max_em` wide, with the theme's padding either side.
struct Column {
    float left;
    float width;
};
Column centred_column(const ScreenArea& area, float max_em, float em);

void draw_welcome_screen(UiContext& ui, const ScreenArea& area);
void draw_privacy_screen(UiContext& ui, const ScreenArea& area);
void draw_question_screen(UiContext& ui, const ScreenArea& area);
void draw_number_pad(UiContext& ui, const Question& question, float left, float width, bool landscape);
// The result: what the answers suggest, the rights concerned, who can help. Returns the
// height it needs below the scrolled content for the fixed Finish button.
void draw_result_screen(UiContext& ui, const ScreenArea& area);
void draw_result_footer(UiContext& ui, ImVec2 min, ImVec2 size);
// The hidden staff panel: its PIN pad, then status and actions.
void draw_staff_pin(UiContext& ui, StaffView& staff, const ScreenArea& area);
void draw_staff_panel(UiContext& ui, StaffView& staff, const ScreenArea& area);

}  // namespace selfcheck::ui
