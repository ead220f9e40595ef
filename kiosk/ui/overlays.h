#pragma once
#include "kiosk/ui/ui_context.h"

namespace selfcheck::ui {

// "Still there?" with the seconds left before the session is wiped.
void draw_idle_prompt(UiContext& ui, ImVec2 origin, ImVec2 size, int seconds_left);
// The four languages; choosing one keeps every answer given so far.
void draw_language_picker(UiContext& ui, ImVec2 origin, ImVec2 size);

}  // namespace selfcheck::ui
