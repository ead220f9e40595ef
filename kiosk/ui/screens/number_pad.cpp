// An amount typed by tapping: the value as it will be recorded, a 3x4 pad of big keys,
// and "I prefer not to say". No keyboard, no text field.
#include "screens.h"

#include "theme.h"
#include "widgets.h"

namespace selfcheck::ui {

void draw_number_pad(UiContext& ui, const Question& question, float left, float width, bool landscape) {
    const Theme& t = theme();
    const float em = ui.em();
    const float pad_width = std::min(width, (landscape ? 16.f : 20.f) * em);
    const float key_height = (landscape ? 2.2f : 2.6f) * em;
    const float pad_left = left + (width - pad_width) * 0.5f;

    // The value, shown in the question's unit ("HK$4,800").
    const std::string& entry = ui.session.number_entry();
    const std::string shown = entry.empty() ? std::string()
                                            : ui.messages.format(ui.locale(), "unit." + question.number.unit,
                                                                 {{"value", std::stol(entry)}});
    ImGui::SetCursorScreenPos(ImVec2(pad_left, ImGui::GetCursorScreenPos().y));
    const ImVec2 box_min = ImGui::GetCursorScreenPos();
    const ImVec2 box_max(box_min.x + pad_width, box_min.y + 2.2f * em);
    ImGui::GetWindowDrawList()->AddRectFilled(box_min, box_max, t.secondary, t.rounding * em);
    ImGui::SetCursorScreenPos(ImVec2(box_min.x + 0.6f * em, box_min.y + (2.2f * em - ui.fonts.title->FontSize) * 0.5f));
    wrapped_text(ui, shown, ui.fonts.title, pad_width - 1.2f * em, t.text);
    ImGui::SetCursorScreenPos(ImVec2(pad_left, box_max.y + 0.5f * em));

    // 1 2 3 / 4 5 6 / 7 8 9 / Clear 0 Done
    const float gap = t.gap * em;
    const float key_width = (pad_width - 2 * gap) / 3;
    const float top = ImGui::GetCursorScreenPos().y;
    static const char* const kKeys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "done"};
    for (int i = 0; i < 12; ++i) {
        const int row = i / 3, column = i % 3;
        ImGui::SetCursorScreenPos(ImVec2(pad_left + float(column) * (key_width + gap), top + float(row) * (key_height + gap)));
        const std::string key = kKeys[i];
        const ImVec2 size(key_width, key_height);
        if (key == "clear") {
            if (tap_button(ui, "number.clear", ui.text("number.clear"), size, ButtonKind::Secondary))
                while (!ui.session.number_entry().empty()) ui.session.erase_digit();
        } else if (key == "done") {
            if (tap_button(ui, "number.done", ui.text("number.done"), size)) {
                ui.session.confirm_number();
                return;
            }
        } else if (tap_button(ui, "number." + key, key, size, ButtonKind::Secondary)) {
            ui.session.type_digit(key[0] - '0');
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(left, top + 4 * (key_height + gap)));
    if (tap_button(ui, "answer.prefer_not", ui.text("answer.prefer_not"), ImVec2(width, t.button_height * em), ButtonKind::Secondary)) {
        ui.session.answer(std::string(kPreferNotToSay));
        return;
    }
}

}  // namespace selfcheck::ui
