// Before the first question, in plain words: nothing that identifies her is stored, what is
// sent (nothing, in demo mode), and that she can stop at any time. Continue is in the bottom bar.
#include "kiosk/ui/screens/screens.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

namespace selfcheck::ui {

void draw_privacy_screen(UiContext& ui, const ScreenArea& area) {
    const Theme& t = theme();
    const float em = ui.em();
    const auto [left, width] = centred_column(area, 32, em);
    ImGui::SetCursorScreenPos(ImVec2(left, area.min.y + t.padding * em));
    ui.registry.mark_next_heading();
    wrapped_text(ui, ui.text("privacy.title"), ui.fonts.title, width, t.text);
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y + 0.6f * em));
    // A demo kiosk keeps and sends nothing, so it must not say that her answers will be sent.
    wrapped_text(ui, ui.text(ui.keeps_records ? "privacy.body" : "privacy.body_demo"), ui.fonts.body, width, t.text);
    ImGui::Dummy(ImVec2(0, em));
}

}  // namespace selfcheck::ui
