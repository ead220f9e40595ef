#pragma once
// Where each named, tappable widget was drawn in the last frame, so a test driver (or the
// headless walk) can tap "answer.yes" instead of guessing pixels. Also a log of every string
// drawn, so tests can check each character has a glyph and nothing overflowed its box.
#include <imgui.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace selfcheck::ui {

struct WidgetRect {
    ImVec2 min;
    ImVec2 max;
    bool visible = true;  // wholly inside the screen (or its scroll region's visible part)
    ImVec2 center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
};

struct DrawnText {
    std::string text;
    bool overflowed = false;  // did not fit the box it was given
    float font_size = 0;      // pixels
};

class WidgetRegistry {
public:
    void begin_frame();
    // `always_visible` for things that are never scrolled away (the scroll region itself).
    void record_widget(const std::string& name, const WidgetRect& rect, bool always_visible = false);
    void begin_scroll_region(ImVec2 min, ImVec2 max, float scrolled);
    void end_scroll_region();
    // The scroll region a widget lies in, if any (for drivers that must scroll to it).
    std::optional<WidgetRect> scroll_region_of(const std::string& name) const;
    // How far the (last) scroll region was scrolled this frame, in pixels.
    float scrolled() const { return scrolled_; }
    void record_text(const std::string& text, bool overflowed, float font_size);

    std::optional<WidgetRect> find(const std::string& name) const;
    const std::map<std::string, WidgetRect>& widgets() const { return widgets_; }
    const std::vector<DrawnText>& texts() const { return texts_; }

private:
    std::map<std::string, WidgetRect> widgets_;
    std::map<std::string, WidgetRect> region_of_;  // widget -> its scroll region
    std::optional<WidgetRect> open_region_;
    float scrolled_ = 0;
    std::vector<DrawnText> texts_;
};

}  // namespace selfcheck::ui
