#include "widget_registry.h"

namespace selfcheck::ui {

void WidgetRegistry::begin_frame() {
    widgets_.clear();
    texts_.clear();
}

void WidgetRegistry::record_widget(const std::string& name, const WidgetRect& rect) { widgets_[name] = rect; }

void WidgetRegistry::record_text(const std::string& text, bool overflowed) { texts_.push_back({text, overflowed}); }

std::optional<WidgetRect> WidgetRegistry::find(const std::string& name) const {
    auto it = widgets_.find(name);
    if (it == widgets_.end()) return std::nullopt;
    return it->second;
}

}  // namespace selfcheck::ui
