#include "kiosk/ui/widgets.h"

#include "kiosk/ui/text_layout.h"
#include "kiosk/ui/theme.h"

#include <algorithm>
#include <cmath>

namespace selfcheck::ui {

DrawnText describe_text(const UiContext& ui, const std::string& text, const WrappedText& wrapped, ImVec2 min,
                        ImVec2 max, float font_size) {
    DrawnText drawn;
    drawn.text = text;
    drawn.font_size = font_size;
    drawn.min = min;
    drawn.max = max;
    drawn.locale = ui.locale();
    drawn.word_broken = wrapped.word_broken();
    for (const TextLine& line : wrapped.lines)
        drawn.lines.emplace_back(size_t(line.begin - text.c_str()), size_t(line.end - text.c_str()));
    return drawn;
}

namespace {

float icon_width(ImFont* font, const char* icon) { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, icon).x; }

void draw_lines(ImDrawList* draw, ImFont* font, const WrappedText& wrapped, float left, float right, float top,
                bool centred, ImU32 colour) {
    float y = top;
    for (const TextLine& line : wrapped.lines) {
        const float x = centred ? left + (right - left - line.width) * 0.5f : left;
        draw->AddText(font, font->FontSize, ImVec2(x, y), colour, line.begin, line.end);
        y += font->FontSize;
    }
}

void record_icon(UiContext& ui, const std::string& owner, const char* icon, ImVec2 at, ImFont* font) {
    DrawnText drawn;
    drawn.text = icon;
    drawn.font_size = font->FontSize;
    drawn.min = at;
    drawn.max = ImVec2(at.x + icon_width(font, icon), at.y + font->FontSize);
    drawn.owner = owner;
    drawn.locale = ui.locale();
    drawn.lines.emplace_back(0, drawn.text.size());
    ui.registry.record_text(std::move(drawn));
}

}  // namespace

bool tap_button(UiContext& ui, const std::string& name, const std::string& label, ImVec2 size, ButtonKind kind,
                const ButtonLook& look) {
    const Theme& t = theme();
    const float em = ui.em();
    ImGui::PushID(name.c_str());
    // A finger that moved further than a small wobble was scrolling, not tapping.
    const ImGuiIO& io = ImGui::GetIO();
    const float wobble = 0.5f * em;
    const bool tapped = ImGui::InvisibleButton("##tap", size) && io.MouseDragMaxDistanceSqr[0] <= wobble * wobble;
    const bool pressed = ImGui::IsItemActive();
    ImGui::PopID();
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImU32 fill = t.primary, pressed_fill = t.primary_pressed, ink = t.on_primary, edge = 0;
    if (kind == ButtonKind::Secondary)
        fill = t.secondary, pressed_fill = t.secondary_pressed, ink = t.on_secondary, edge = t.edge;
    if (kind == ButtonKind::Exit) fill = t.exit, pressed_fill = t.exit_pressed, ink = t.on_primary;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, max, pressed ? pressed_fill : fill, t.rounding * em);
    if (edge) {
        const float w = std::max(1.0f, std::round(t.edge_width * em));
        draw->AddRect(ImVec2(min.x + w * 0.5f, min.y + w * 0.5f), ImVec2(max.x - w * 0.5f, max.y - w * 0.5f), edge,
                      t.rounding * em, 0, w);
    }
    WidgetRect rect{min, max};
    rect.boundary = edge ? edge : fill;
    ui.registry.record_widget(name, rect);

    ImFont* font = ImGui::GetFont();
    const float pad = (look.one_character ? 0.1f : 0.5f) * em;
    const float icon_w = look.icon ? icon_width(font, look.icon) : 0.f;
    const float icon_gap = look.icon ? 0.4f * em : 0.f;
    float text_left = min.x + pad, text_right = max.x - pad;
    bool centred = true, show_label = true;
    float icon_x = 0, icon_y = 0;
    WrappedText wrapped;
    if (look.icon && look.align_left) {
        centred = false;
        icon_x = min.x + pad;
        text_left = icon_x + icon_w + icon_gap;
        wrapped = wrap_text(font, font->FontSize, label, text_right - text_left, ui.locale());
        icon_y = min.y + (size.y - font->FontSize) * 0.5f;
    } else if (look.icon) {
        // Icon and label on one line if they fit; else the label alone if it fits whole; else the icon.
        const float label_w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x;
        if (label.empty() || icon_w + icon_gap + label_w <= text_right - text_left) {
            const float group = icon_w + (label.empty() ? 0.f : icon_gap + label_w);
            icon_x = min.x + (size.x - group) * 0.5f;
            text_left = icon_x + icon_w + icon_gap;
            text_right = text_left + label_w + 1;
            icon_y = min.y + (size.y - font->FontSize) * 0.5f;
            wrapped = wrap_text(font, font->FontSize, label, text_right - text_left, ui.locale());
        } else {
            wrapped = wrap_text(font, font->FontSize, label, text_right - text_left, ui.locale());
            const bool whole = !wrapped.word_broken() && wrapped.size.y <= size.y - 0.2f * em;
            show_label = !(look.icon_alone_if_needed && !whole);
            if (show_label) {
                icon_x = -1;  // no room for both: the label alone
            } else {
                icon_x = min.x + (size.x - icon_w) * 0.5f;
                icon_y = min.y + (size.y - font->FontSize) * 0.5f;
            }
        }
    } else {
        wrapped = wrap_text(font, font->FontSize, label, text_right - text_left, ui.locale());
    }
    if (look.icon && icon_x >= 0) {
        draw->AddText(font, font->FontSize, ImVec2(icon_x, icon_y), ink, look.icon);
        record_icon(ui, name, look.icon, ImVec2(icon_x, icon_y), font);
    }
    if (show_label && !label.empty()) {
        const float top = min.y + (size.y - wrapped.size.y) * 0.5f;
        draw_lines(draw, font, wrapped, text_left, text_right, top, centred, ink);
        const bool fits = wrapped.size.x <= text_right - text_left + 0.5f && wrapped.size.y <= size.y + 0.5f;
        DrawnText drawn = describe_text(ui, label, wrapped, ImVec2(text_left, top),
                                        ImVec2(text_right, top + wrapped.size.y), font->FontSize);
        drawn.overflowed = !fits;
        drawn.owner = name;
        ui.registry.record_text(std::move(drawn));
    }
    return tapped;
}

float button_height_for(UiContext& ui, const std::string& label, float width, float min_height, const ButtonLook& look,
                        float pad_em) {
    ImFont* font = ImGui::GetFont();
    const float em = ui.em();
    const float icon_room = look.icon && look.align_left ? icon_width(font, look.icon) + 0.4f * em : 0.f;
    const WrappedText wrapped = wrap_text(font, font->FontSize, label, width - em - icon_room, ui.locale());
    return std::max(min_height, wrapped.size.y + pad_em * em);
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
    draw_lines(draw, font, wrapped, origin.x, origin.x + width, origin.y, false, colour);
    ImGui::Dummy(ImVec2(width, wrapped.size.y));
    DrawnText drawn = describe_text(ui, text, wrapped, origin,
                                    ImVec2(origin.x + wrapped.size.x, origin.y + wrapped.size.y), font->FontSize);
    drawn.overflowed = wrapped.size.x > width + 0.5f;
    ui.registry.record_text(std::move(drawn));
}

Card::Card(UiContext& ui, const std::string& name, float left, float top, float width, ImU32 fill, ImU32 edge)
    : ui_(ui),
      name_(name),
      min_(left, top),
      width_(width),
      fill_(fill ? fill : theme().card),
      edge_(edge ? edge : theme().edge),
      backdrop_(ui.registry.backdrop()) {
    ImGui::GetWindowDrawList()->ChannelsSplit(2);  // the card behind text whose height is known only after
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
    ui_.registry.set_backdrop(fill_);
}

void Card::end(float bottom) {
    if (!open_) return;
    open_ = false;
    const Theme& t = theme();
    const float em = ui_.em();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSetCurrent(0);
    const ImVec2 max(min_.x + width_, bottom);
    draw->AddRectFilled(min_, max, fill_, t.rounding * em);
    const float w = std::max(1.0f, std::round(t.edge_width * em));
    draw->AddRect(ImVec2(min_.x + w * 0.5f, min_.y + w * 0.5f), ImVec2(max.x - w * 0.5f, max.y - w * 0.5f), edge_,
                  t.rounding * em, 0, w);
    draw->ChannelsMerge();
    ui_.registry.set_backdrop(backdrop_);
    WidgetRect rect{min_, max};
    rect.boundary = edge_;
    rect.backdrop = backdrop_;
    ui_.registry.record_widget("box." + name_, rect);
}

Card::~Card() { end(ImGui::GetCursorScreenPos().y); }

}  // namespace selfcheck::ui
