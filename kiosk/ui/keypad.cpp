#include "kiosk/ui/keypad.h"

#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

namespace selfcheck::ui {

float keypad_height(const KeypadSpec& spec, float em) { return 4 * spec.key_height + 3 * theme().gap * em; }

KeypadKey draw_keypad(UiContext& ui, const KeypadSpec& spec) {
    const float gap = theme().gap * ui.em();
    const float key_width = (spec.width - 2 * gap) / 3;
    const ImVec2 size(key_width, spec.key_height);
    KeypadKey tapped;
    for (int i = 0; i < 12; ++i) {
        const int row = i / 3, column = i % 3;
        ImGui::SetCursorScreenPos(
            ImVec2(spec.left + float(column) * (key_width + gap), spec.top + float(row) * (spec.key_height + gap)));
        if (i == 9) {
            if (tap_button(ui, spec.left_name, spec.left_label, size, ButtonKind::Secondary))
                tapped = {KeypadKey::Left, 0};
        } else if (i == 11) {
            if (tap_button(ui, spec.right_name, spec.right_label, size)) tapped = {KeypadKey::Right, 0};
        } else {
            const int digit = i == 10 ? 0 : i + 1;
            const std::string label(1, char('0' + digit));
            if (tap_button(ui, spec.name_prefix + "." + label, label, size, ButtonKind::Secondary))
                tapped = {KeypadKey::Digit, digit};
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(spec.left, spec.top + keypad_height(spec, ui.em())));
    return tapped;
}

}  // namespace selfcheck::ui
