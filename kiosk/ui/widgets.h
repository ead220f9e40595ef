#pragma once
// Touch widgets: big named buttons and wrapped text. Every string drawn is recorded, with
// whether it fitted, so tests can check glyph coverage and clipping on every screen.
#include "kiosk/ui/ui_context.h"

#include <imgui.h>

#include <string>

namespace selfcheck::ui {

enum class ButtonKind { Primary, Secondary, Exit };

// A full-width (or given width) button drawn with wrapped, centred text. `name` is the
// widget's stable name for test drivers ("answer.yes"). Returns true when tapped.
bool tap_button(UiContext& ui, const std::string& name, const std::string& label, ImVec2 size,
                ButtonKind kind = ButtonKind::Primary);

// Wrapped text at the cursor, `width` wide, in `font`; advances the cursor.
void wrapped_text(UiContext& ui, const std::string& text, ImFont* font, float width, ImU32 colour);

// A grid of equal buttons: one column in portrait, two where the screen is wide and short.
// The same code lays out every size; only the column count changes.
struct ButtonGrid {
    float left;
    float top;
    float cell_width;
    float cell_height;
    float gap;
    int columns;
    ImVec2 cell(int index) const;
    float bottom(int count) const;  // y just below the last row
};
ButtonGrid make_button_grid(float left, float top, float width, float cell_height, float em, bool landscape);

// Height the text would take when wrapped to `width`.
float wrapped_height(UiContext& ui, ImFont* font, const std::string& text, float width);

}  // namespace selfcheck::ui
