#pragma once
// One function per screen. Each reads the session and sends it intents; none holds rules.
#include "kiosk/ui/ui_context.h"
#include "kiosk/ui/widgets.h"

#include <optional>
#include <string>
#include <vector>

namespace selfcheck::ui {

// Where a screen draws: `min` is its origin on screen (it moves as the content scrolls),
// `size` the part of the screen it has, without the cue strip: a screen lays itself out to
// fit `size`, and only when it cannot does the strip take its place at the bottom.
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

// The fixed bottom bar: Back (when the screen has one) and the screen's main action, left to
// right. Drawn outside the scroll region, so they never scroll away.
struct BarAction {
    std::string name;  // widget name: nav.back, privacy.continue, result.finish, ...
    std::string label;
    ButtonKind kind = ButtonKind::Primary;
    const char* icon = nullptr;
};
std::vector<BarAction> bottom_bar_actions(UiContext& ui);  // empty: no bar on this screen
void draw_bottom_bar(UiContext& ui, const std::vector<BarAction>& actions, ImVec2 min, ImVec2 size);

void draw_welcome_screen(UiContext& ui, const ScreenArea& area);
void draw_privacy_screen(UiContext& ui, const ScreenArea& area);
void draw_question_screen(UiContext& ui, const ScreenArea& area);
// The amount pad in [left, left + width) from `top`, at most `height` tall.
void draw_number_pad(UiContext& ui, const Question& question, float left, float top, float width, float height);
// The result: what the answers suggest, what to do now, her rights, who else can help.
void draw_result_screen(UiContext& ui, const ScreenArea& area);
// The hidden staff panel: its PIN pad, then status and actions, and "are you sure?".
void draw_staff_pin(UiContext& ui, StaffView& staff, const ScreenArea& area);
void draw_staff_panel(UiContext& ui, StaffView& staff, const ScreenArea& area);
void draw_staff_confirm(UiContext& ui, StaffView& staff, ImVec2 origin, ImVec2 size);
// Wi-Fi behind the PIN: the status row's sentence, the network list, the passphrase keyboard.
std::string wifi_status_line(UiContext& ui, const std::optional<WifiStatus>& status);
void draw_staff_wifi(UiContext& ui, StaffView& staff, const ScreenArea& area);
void draw_staff_passphrase(UiContext& ui, StaffView& staff, const ScreenArea& area);

}  // namespace selfcheck::ui
