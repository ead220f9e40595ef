#include "kiosk/ui/widget_registry.h"

namespace selfcheck::ui {

void WidgetRegistry::begin_frame() {
    widgets_.clear();
    region_of_.clear();
    open_region_.reset();
    texts_.clear();
    backdrop_ = 0;
    next_heading_ = false;
    layer_ = 0;
}

void WidgetRegistry::record_widget(const std::string& name, const WidgetRect& rect, bool always_visible) {
    WidgetRect r = rect;
    if (r.backdrop == 0) r.backdrop = backdrop_;
    r.layer = layer_;
    if (open_region_ && !always_visible) {
        r.visible = r.min.y >= open_region_->min.y - 0.5f && r.max.y <= open_region_->max.y + 0.5f &&
                    r.min.x >= open_region_->min.x - 0.5f && r.max.x <= open_region_->max.x + 0.5f;
        region_of_[name] = *open_region_;
    }
    widgets_[name] = r;
}

void WidgetRegistry::begin_scroll_region(ImVec2 min, ImVec2 max, float scrolled) {
    open_region_ = WidgetRect{min, max, true};
    scrolled_ = scrolled;
}

void WidgetRegistry::end_scroll_region() { open_region_.reset(); }

std::optional<WidgetRect> WidgetRegistry::scroll_region_of(const std::string& name) const {
    auto it = region_of_.find(name);
    if (it == region_of_.end()) return std::nullopt;
    return it->second;
}

void WidgetRegistry::record_text(const std::string& text, bool overflowed, float font_size) {
    DrawnText drawn;
    drawn.text = text;
    drawn.overflowed = overflowed;
    drawn.font_size = font_size;
    record_text(std::move(drawn));
}

void WidgetRegistry::record_text(DrawnText text) {
    text.region = open_region_;
    text.layer = layer_;
    text.heading = text.heading || (next_heading_ && text.owner.empty());
    if (text.owner.empty()) next_heading_ = false;
    texts_.push_back(std::move(text));
}

std::optional<WidgetRect> WidgetRegistry::find(const std::string& name) const {
    auto it = widgets_.find(name);
    if (it == widgets_.end()) return std::nullopt;
    return it->second;
}

}  // namespace selfcheck::ui
