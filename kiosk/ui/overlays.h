#pragma once
#include "kiosk/ui/ui_context.h"

namespace selfcheck::ui {

// A borderless window over [origin, origin + size), dimmed by the theme's scrim: what every
// panel over a screen starts with. The caller draws the panel and ends the window.
void begin_dimmed_window(const char* id, ImVec2 origin, ImVec2 size);

// "Still there?" with the seconds left before the session is wiped.
void draw_idle_prompt(UiContext& ui, ImVec2 origin, ImVec2 size, int seconds_left);
// The four languages; choosing one keeps every answer given so far.
void draw_language_picker(UiContext& ui, ImVec2 origin, ImVec2 size);

}  // namespace selfcheck::ui
