#include "kiosk/ui/keypad.h"

#include "kiosk/ui/icons.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

namespace selfcheck::ui {

float keypad_height(const KeypadSpec& spec) { return 4 * spec.key_height + 3 * spec.gap; }

KeypadKey draw_keypad(UiContext& ui, const KeypadSpec& spec) {
    const float key_width = (spec.width - 2 * spec.gap) / 3;
    const ImVec2 size(key_width, spec.key_height);
    KeypadKey tapped;
    ImGui::PushFont(ui.fonts.title);  // digits large; the labels of erase and OK only where they fit whole
    for (int i = 0; i < 12; ++i) {
        const int row = i / 3, column = i % 3;
        ImGui::SetCursorScreenPos(ImVec2(spec.left + float(column) * (key_width + spec.gap),
                                         spec.top + float(row) * (spec.key_height + spec.gap)));
        if (i == 9) {
            ImGui::PushFont(ui.fonts.body);
            if (tap_button(ui, spec.left_name, spec.left_label, size, ButtonKind::Secondary,
                           {icon::kErase, false, true}))
                tapped = {KeypadKey::Left, 0};
            ImGui::PopFont();
        } else if (i == 11) {
            ImGui::PushFont(ui.fonts.body);
            if (tap_button(ui, spec.right_name, spec.right_label, size, ButtonKind::Primary,
                           {icon::kDone, false, true}))
                tapped = {KeypadKey::Right, 0};
            ImGui::PopFont();
        } else {
            const int digit = i == 10 ? 0 : i + 1;
            const std::string label(1, char('0' + digit));
            if (tap_button(ui, spec.name_prefix + "." + label, label, size, ButtonKind::Secondary))
                tapped = {KeypadKey::Digit, digit};
        }
    }
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(spec.left, spec.top + keypad_height(spec)));
    return tapped;
}

}  // namespace selfcheck::ui
