// An amount typed by tapping: the value as it will be recorded, a 3x4 pad of big keys,
// and "I prefer not to say". No keyboard, no text field.
#include "kiosk/ui/keypad.h"
#include "kiosk/ui/screens/screens.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

namespace selfcheck::ui {

void draw_number_pad(UiContext& ui, const Question& question, float left, float width, bool landscape) {
    const Theme& t = theme();
    const float em = ui.em();
    const float pad_width = std::min(width, (landscape ? 16.f : 20.f) * em);
    const float key_height = (landscape ? 2.2f : 2.6f) * em;
    const float pad_left = left + (width - pad_width) * 0.5f;

    // The value, shown in the question's unit ("HK$4,800").
    const std::string& entry = ui.session.number_entry();
    const std::string shown =
        entry.empty() ? std::string()
                      : ui.messages.format(ui.locale(), "unit." + question.number.unit, {{"value", std::stol(entry)}});
    ImGui::SetCursorScreenPos(ImVec2(pad_left, ImGui::GetCursorScreenPos().y));
    const ImVec2 box_min = ImGui::GetCursorScreenPos();
    const ImVec2 box_max(box_min.x + pad_width, box_min.y + 2.2f * em);
    ImGui::GetWindowDrawList()->AddRectFilled(box_min, box_max, t.secondary, t.rounding * em);
    ImGui::SetCursorScreenPos(ImVec2(box_min.x + 0.6f * em, box_min.y + (2.2f * em - ui.fonts.title->FontSize) * 0.5f));
    wrapped_text(ui, shown, ui.fonts.title, pad_width - 1.2f * em, t.text);
    ImGui::SetCursorScreenPos(ImVec2(pad_left, box_max.y + 0.5f * em));

    // 1 2 3 / 4 5 6 / 7 8 9 / Clear 0 Done
    KeypadSpec pad{"number",
                   "number.clear",
                   ui.text("number.clear"),
                   "number.done",
                   ui.text("number.done"),
                   pad_left,
                   ImGui::GetCursorScreenPos().y,
                   pad_width,
                   key_height};
    const KeypadKey key = draw_keypad(ui, pad);
    switch (key.kind) {
    case KeypadKey::Digit: ui.session.type_digit(key.digit); break;
    case KeypadKey::Left:
        while (!ui.session.number_entry().empty()) ui.session.erase_digit();
        break;
    case KeypadKey::Right: ui.session.confirm_number(); return;
    case KeypadKey::None: break;
    }
    const float gap = t.gap * em;
    ImGui::SetCursorScreenPos(ImVec2(left, pad.top + keypad_height(pad, em) + gap));
    if (tap_button(ui, "answer.prefer_not", ui.text("answer.prefer_not"), ImVec2(width, t.button_height * em),
                   ButtonKind::Secondary)) {
        ui.session.answer(std::string(kPreferNotToSay));
        return;
    }
}

}  // namespace selfcheck::ui
