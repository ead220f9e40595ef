// An amount typed by tapping: the value as it will be recorded and a 3x4 pad of keys that
// grow to fill the room there is (never below 9 mm). "I prefer not to say" and Back are in
// the bottom bar. No keyboard, no text field.
#include "kiosk/ui/keypad.h"
#include "kiosk/ui/screens/screens.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace selfcheck::ui {

void draw_number_pad(UiContext& ui, const Question& question, float left, float top, float width, float height) {
    const Theme& t = theme();
    const float em = ui.em();
    const float pad_width = std::min(width, 20.f * em);
    const float pad_left = left + (width - pad_width) * 0.5f;
    const float box_height = 1.7f * em;
    const float gap = 0.3f * em;
    const float key_height = std::clamp((height - box_height - 0.5f * em - 3 * gap) / 4, 1.45f * em, 2.6f * em);

    // The value, shown in the question's unit ("HK$4,800").
    const std::string& entry = ui.session.number_entry();
    const std::string shown =
        entry.empty() ? std::string()
                      : ui.messages.format(ui.locale(), "unit." + question.number.unit, {{"value", std::stol(entry)}});
    const ImVec2 box_min(pad_left, top);
    const ImVec2 box_max(box_min.x + pad_width, box_min.y + box_height);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(box_min, box_max, t.field, t.rounding * em);
    draw->AddRect(box_min, box_max, t.edge, t.rounding * em, 0, std::max(1.0f, std::round(t.edge_width * em)));
    ImGui::SetCursorScreenPos(
        ImVec2(box_min.x + 0.6f * em, box_min.y + (box_height - ui.fonts.title->FontSize) * 0.5f));
    wrapped_text(ui, shown, ui.fonts.title, pad_width - 1.2f * em, t.text);

    // 1 2 3 / 4 5 6 / 7 8 9 / erase 0 Done
    KeypadSpec pad{"number",
                   "number.clear",
                   "",  // the backspace icon alone: it erases one digit, as on a phone
                   "number.done",
                   ui.text("number.done"),
                   pad_left,
                   box_max.y + 0.5f * em,
                   pad_width,
                   key_height,
                   gap};
    const KeypadKey key = draw_keypad(ui, pad);
    switch (key.kind) {
    case KeypadKey::Digit: ui.session.type_digit(key.digit); break;
    case KeypadKey::Left: ui.session.erase_digit(); break;
    case KeypadKey::Right: ui.session.confirm_number(); break;
    case KeypadKey::None: break;
    }
}

}  // namespace selfcheck::ui
