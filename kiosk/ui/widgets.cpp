#include "kiosk/ui/widgets.h"

#include "kiosk/ui/text_layout.h"
#include "kiosk/ui/theme.h"

namespace selfcheck::ui {
namespace {

// Draws wrapped lines centred in `box`; returns false when they do not fit it.
bool draw_centred(ImDrawList* draw, ImFont* font, const std::string& text, const ImVec2& min, const ImVec2& max,
                  float padding, ImU32 colour, const std::string& locale) {
    const float width = max.x - min.x - 2 * padding;
    const WrappedText wrapped = wrap_text(font, font->FontSize, text, width, locale);
    float y = min.y + (max.y - min.y - wrapped.size.y) * 0.5f;
    for (const TextLine& line : wrapped.lines) {
        const float x = min.x + (max.x - min.x - line.width) * 0.5f;
        draw->AddText(font, font->FontSize, ImVec2(x, y), colour, line.begin, line.end);
        y += font->FontSize;
    }
    return wrapped.size.x <= width + 0.5f && wrapped.size.y <= max.y - min.y + 0.5f;
}

}  // namespace

bool tap_button(UiContext& ui, const std::string& name, const std::string& label, ImVec2 size, ButtonKind kind) {
    const Theme& t = theme();
    ImGui::PushID(name.c_str());
    // A finger that moved further than a small wobble was scrolling, not tapping.
    const ImGuiIO& io = ImGui::GetIO();
    const float wobble = 0.5f * ui.em();
    const bool tapped = ImGui::InvisibleButton("##tap", size) && io.MouseDragMaxDistanceSqr[0] <= wobble * wobble;
    const bool pressed = ImGui::IsItemActive();
    ImGui::PopID();
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImU32 fill = t.primary, pressed_fill = t.primary_pressed, ink = t.on_primary;
    if (kind == ButtonKind::Secondary) fill = t.secondary, pressed_fill = t.secondary_pressed, ink = t.on_secondary;
    if (kind == ButtonKind::Exit) fill = t.exit, pressed_fill = t.exit_pressed, ink = t.on_primary;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, max, pressed ? pressed_fill : fill, t.rounding * ui.em());
    const bool fits = draw_centred(draw, ImGui::GetFont(), label, min, max, 0.5f * ui.em(), ink, ui.locale());
    ui.registry.record_widget(name, {min, max});
    ui.registry.record_text(label, !fits, ImGui::GetFont()->FontSize);
    return tapped;
}

ImVec2 ButtonGrid::cell(int index) const {
    const int row = index / columns, column = index % columns;
    return ImVec2(left + float(column) * (cell_width + gap), top + float(row) * (cell_height + gap));
}

float ButtonGrid::bottom(int count) const {
    const int rows = (count + columns - 1) / columns;
    return top + float(rows) * (cell_height + gap);
}

ButtonGrid make_button_grid(float left, float top, float width, float cell_height, float em, bool landscape) {
    ButtonGrid grid{left, top, width, cell_height, theme().gap * em, 1};
    if (landscape && width >= 28 * em) grid.columns = 2;
    grid.cell_width = (width - grid.gap * float(grid.columns - 1)) / float(grid.columns);
    return grid;
}

float wrapped_height(UiContext& ui, ImFont* font, const std::string& text, float width) {
    return wrap_text(font, font->FontSize, text, width, ui.locale()).size.y;
}

void wrapped_text(UiContext& ui, const std::string& text, ImFont* font, float width, ImU32 colour) {
    const WrappedText wrapped = wrap_text(font, font->FontSize, text, width, ui.locale());
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float y = origin.y;
    for (const TextLine& line : wrapped.lines) {
        draw->AddText(font, font->FontSize, ImVec2(origin.x, y), colour, line.begin, line.end);
        y += font->FontSize;
    }
    ImGui::Dummy(ImVec2(width, wrapped.size.y));
    ui.registry.record_text(text, wrapped.size.x > width + 0.5f, font->FontSize);
}

}  // namespace selfcheck::ui
