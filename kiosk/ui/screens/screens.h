#pragma once
// One function per screen. Each reads the session and sends it intents; none holds rules.
#include "ui_context.h"

namespace selfcheck::ui {

// `area` is the content region below the top bar, in screen coordinates.
struct ScreenArea {
    ImVec2 min;
    ImVec2 max;
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
    bool landscape() const { return width() > height(); }
};

// A centred column at most `max_em` wide, with the theme's padding either side.
struct Column {
    float left;
    float width;
};
Column centred_column(const ScreenArea& area, float max_em, float em);

void draw_welcome_screen(UiContext& ui, const ScreenArea& area);
void draw_question_screen(UiContext& ui, const ScreenArea& area);
void draw_thanks_screen(UiContext& ui, const ScreenArea& area);

}  // namespace selfcheck::ui
