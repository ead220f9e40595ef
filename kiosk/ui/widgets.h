#pragma once
// Touch widgets: big named buttons, wrapped text and cards. Every string drawn is recorded,
// with its box and lines, so the layout check sees what a person sees (widget_registry.h).
#include "kiosk/ui/ui_context.h"

#include <imgui.h>

#include <string>

namespace selfcheck::ui {

enum class ButtonKind { Primary, Secondary, Exit };

struct ButtonLook {
    const char* icon = nullptr;  // an icon::k... drawn before the label
    bool align_left = false;     // answers: icon and label from the left, like a list
    // Centred with an icon: where the label cannot be drawn whole (a narrow key), the icon
    // alone is shown rather than a word cut in two.
    bool icon_alone_if_needed = false;
    // A keyboard key: one character, with only a little air at its sides, so ten keys fit
    // across a phone's screen.
    bool one_character = false;
};

// A button of `size` at the cursor, with wrapped text. `name` is the widget's stable name for
// test drivers ("answer.yes"). Returns true when tapped.
bool tap_button(UiContext& ui, const std::string& name, const std::string& label, ImVec2 size,
                ButtonKind kind = ButtonKind::Primary, const ButtonLook& look = {});

// The height a button needs for `label` at `width`: its lines and some air, never below a
// 9 mm target (`min_height`).
float button_height_for(UiContext& ui, const std::string& label, float width, float min_height,
                        const ButtonLook& look = {}, float pad_em = 0.7f);

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

// What the layout check needs to know of text drawn from `wrapped` in [min, max).
struct WrappedText;
DrawnText describe_text(const UiContext& ui, const std::string& text, const WrappedText& wrapped, ImVec2 min,
                        ImVec2 max, float font_size);

// A white card with a dark edge behind whatever is drawn between begin and end, whose height
// is known only after drawing. Recorded as "box.<name>" (a container the layout check does
// not count as overlapping what it holds).
class Card {
public:
    Card(UiContext& ui, const std::string& name, float left, float top, float width, ImU32 fill = 0, ImU32 edge = 0);
    void end(float bottom);  // draws the card from top to `bottom` behind its content
    ~Card();

private:
    UiContext& ui_;
    std::string name_;
    ImVec2 min_;
    float width_;
    ImU32 fill_, edge_, backdrop_;
    bool open_ = true;
};

}  // namespace selfcheck::ui
