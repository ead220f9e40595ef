#pragma once
// A 3x4 pad of big keys: 1-9, then a left action, 0, a right action. Shared by the number
// question (Clear, Done) and the staff PIN (Erase, OK). No keyboard, no text field.
#include "kiosk/ui/ui_context.h"

#include <string>

namespace selfcheck::ui {

struct KeypadKey {
    enum Kind { None, Digit, Left, Right } kind = None;
    int digit = 0;
};

struct KeypadSpec {
    std::string name_prefix;  // widget names: "<prefix>.0" ... "<prefix>.9", left/right as given
    std::string left_name, left_label;
    std::string right_name, right_label;
    float left = 0, top = 0, width = 0, key_height = 0;
};

// Draws the pad and returns the key tapped this frame.
KeypadKey draw_keypad(UiContext& ui, const KeypadSpec& spec);
float keypad_height(const KeypadSpec& spec, float em);

}  // namespace selfcheck::ui
