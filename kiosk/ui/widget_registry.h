#pragma once
// Where each named, tappable widget was drawn in the last frame, so a test driver (or the
// headless walk) can tap "answer.yes" instead of guessing pixels. Also a log of every string
// drawn, with its box and lines, so the layout check (kiosk/app/frame_check.h) can see what a
// person sees: nothing overlapping, nothing clipped, no number broken across lines.
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
    // The colour that marks the widget's edge (its border, else its fill) and the colour
    // around it; 0 when not known. WCAG 1.4.11 asks 3:1 between them.
    ImU32 boundary = 0;
    ImU32 backdrop = 0;
    int layer = 0;  // 0: the screen; 1: a panel over it (the language list, "Still there?")
    ImVec2 center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
};

struct DrawnText {
    std::string text;
    bool overflowed = false;  // did not fit the box it was given
    float font_size = 0;      // pixels
    ImVec2 min, max;          // the box the lines were drawn in (0 x 0 when not recorded)
    std::string owner;        // the widget whose label this is; empty: free text
    std::string locale;
    bool heading = false;                          // the screen's first words: its title or question
    bool word_broken = false;                      // a word was cut between letters because it was wider than its box
    std::vector<std::pair<size_t, size_t>> lines;  // byte spans of `text`, one per drawn line
    std::optional<WidgetRect> region;              // the scroll region it was drawn in, if any
    int layer = 0;
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
    void record_text(DrawnText text);

    // The colour behind what is drawn next (the page, the header, a card); widgets take it.
    void set_backdrop(ImU32 colour) { backdrop_ = colour; }
    ImU32 backdrop() const { return backdrop_; }
    // What is recorded from now on is drawn over the screen (an overlay), or on it.
    void set_layer(int layer) { layer_ = layer; }
    // The next text recorded is the screen's heading.
    void mark_next_heading() { next_heading_ = true; }

    std::optional<WidgetRect> find(const std::string& name) const;
    const std::map<std::string, WidgetRect>& widgets() const { return widgets_; }
    const std::vector<DrawnText>& texts() const { return texts_; }

private:
    std::map<std::string, WidgetRect> widgets_;
    std::map<std::string, WidgetRect> region_of_;  // widget -> its scroll region
    std::optional<WidgetRect> open_region_;
    float scrolled_ = 0;
    std::vector<DrawnText> texts_;
    ImU32 backdrop_ = 0;
    bool next_heading_ = false;
    int layer_ = 0;
};

}  // namespace selfcheck::ui
