#pragma once
// A 3x4 pad of big keys: 1-9, then erase (a backspace icon), 0, and the confirming key (a
// check and its label where the label fits whole). Shared by the number question and the
// staff PIN. No keyboard, no text field.
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
    float gap = 0;  // between keys, in px
};

// Draws the pad and returns the key tapped this frame.
KeypadKey draw_keypad(UiContext& ui, const KeypadSpec& spec);
float keypad_height(const KeypadSpec& spec);

}  // namespace selfcheck::ui
