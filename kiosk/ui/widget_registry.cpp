#include "kiosk/ui/widget_registry.h"

namespace selfcheck::ui {

void WidgetRegistry::begin_frame() {
    widgets_.clear();
    region_of_.clear();
    open_region_.reset();
    texts_.clear();
}

void WidgetRegistry::record_widget(const std::string& name, const WidgetRect& rect, bool always_visible) {
    WidgetRect r = rect;
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
    texts_.push_back({text, overflowed, font_size});
}

std::optional<WidgetRect> WidgetRegistry::find(const std::string& name) const {
    auto it = widgets_.find(name);
    if (it == widgets_.end()) return std::nullopt;
    return it->second;
}

}  // namespace selfcheck::ui
