// Welcome: the four languages by their own names. The prompt is shown in every language,
// since we do not yet know which one she reads.
#include "kiosk/ui/screens/screens.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

#include <algorithm>

namespace selfcheck::ui {

void draw_welcome_screen(UiContext& ui, const ScreenArea& area) {
    const Theme& t = theme();
    const float em = ui.em();
    const auto [left, width] = centred_column(area, 30, em);
    const bool landscape = area.landscape();
    const auto& languages = ui.session.form().languages;

    // The prompt in every language, in the same grid as the buttons below it.
    const ButtonGrid prompts = make_button_grid(left, area.min.y + em, width, em, em, landscape);
    float prompts_bottom = prompts.top;
    for (size_t i = 0; i < languages.size(); ++i) {
        const ImVec2 at = prompts.cell(int(i));
        ImGui::SetCursorScreenPos(at);
        wrapped_text(ui, ui.messages.text(languages[i].locale, "welcome.prompt"), ui.fonts.body, prompts.cell_width,
                     t.muted_text);
        prompts_bottom = std::max(prompts_bottom, at.y + ImGui::GetItemRectSize().y);
    }

    const ButtonGrid buttons =
        make_button_grid(left, prompts_bottom + 1.2f * em, width, t.button_height * em * 1.15f, em, landscape);
    ImGui::PushFont(ui.fonts.title);
    for (size_t i = 0; i < languages.size(); ++i) {
        ImGui::SetCursorScreenPos(buttons.cell(int(i)));
        if (tap_button(ui, "lang." + languages[i].locale, languages[i].label,
                       ImVec2(buttons.cell_width, buttons.cell_height)))
            ui.session.choose_language(languages[i].locale);
    }
    ImGui::PopFont();
}

}  // namespace selfcheck::ui
