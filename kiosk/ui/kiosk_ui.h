#pragma once
// The whole kiosk UI for one frame: a one-row header (the neutral title, the speaker control,
// Language and the quick exit; staff mode's own on staff screens), the current screen in a scroll region, a
// strip that says when more lies below, and a fixed bottom bar with Back and the screen's
// main action.
#include "kiosk/ui/ui_context.h"

namespace selfcheck::ui {

// Name of the screen showing, for screenshots and logs: welcome, question, thanks.
// While the staff panel is up: staff_pin or staff_panel.
std::string screen_name(const Session& session, const StaffPanel* staff = nullptr);

// Where the header's parts go at a display width: the same on every screen and in every
// language, so the quick exit never moves.
struct HeaderLayout {
    float height = 0;
    ImVec2 exit_min, exit_max;
    ImVec2 language_min, language_max;
    bool language_label = false;  // room for "Language" beside the globe
    ImVec2 slot_min, slot_max;    // the speaker control (nav.read_aloud), where the screen can be read
    float title_left = 0, title_right = 0;
};
HeaderLayout header_layout(const UiContext& ui, float display_width);

void draw_kiosk(UiContext& ui, ImVec2 display_size);

}  // namespace selfcheck::ui
