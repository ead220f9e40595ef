// Thanks: the record is saved without a name; Finish wipes and returns to the welcome screen.
#include "screens.h"

#include "theme.h"
#include "widgets.h"

namespace selfcheck::ui {

void draw_thanks_screen(UiContext& ui, const ScreenArea& area) {
    const Theme& t = theme();
    const float em = ui.em();
    const auto [left, width] = centred_column(area, 32, em);
    ImGui::SetCursorScreenPos(ImVec2(left, area.min.y + 2 * em));
    wrapped_text(ui, ui.text("thanks.title"), ui.fonts.title, width, t.text);
    ImGui::Dummy(ImVec2(0, 0.5f * em));
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
    wrapped_text(ui, ui.text("thanks.body"), ui.fonts.body, width, t.text);
    ImGui::Dummy(ImVec2(0, 1.5f * em));
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
    if (tap_button(ui, "thanks.finish", ui.text("thanks.finish"), ImVec2(width, t.button_height * em)))
        ui.session.wipe();
}

}  // namespace selfcheck::ui
