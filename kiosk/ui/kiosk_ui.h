#pragma once
// The whole kiosk UI for one frame: a full-screen window with the neutral title and the quick
// exit on top, and the current screen below.
#include "kiosk/ui/ui_context.h"

namespace selfcheck::ui {

// Name of the screen showing, for screenshots and logs: welcome, question, thanks.
// While the staff panel is up: staff_pin or staff_panel.
std::string screen_name(const Session& session, const StaffPanel* staff = nullptr);

void draw_kiosk(UiContext& ui, ImVec2 display_size);

}  // namespace selfcheck::ui
