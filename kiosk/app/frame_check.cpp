#include "kiosk/app/frame_check.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <cstdio>

namespace selfcheck {
namespace {

std::string hex(unsigned c) {
    char text[16];
    std::snprintf(text, sizeof text, "U+%04X", c);
    return text;
}

bool is_tapped(const std::string& name) {  // QR codes are scanned, not tapped
    return name.rfind("qr.", 0) != 0 && name != "screen.scroll";
}

}  // namespace

int typical_dpi(int width, int height) {
    const int short_side = std::min(width, height);
    if (short_side <= 600) return 133;
    if (short_side <= 900) return 149;
    return 102;
}

std::vector<std::string> frame_problems(const KioskApp& app) {
    std::vector<std::string> problems;
    int width = 0, height = 0;
    app.display().size(width, height);
    const float min_target = min_target_px(app.screen_dpi());
    for (const auto& [name, rect] : app.registry().widgets()) {
        if (!rect.visible) {
            if (!app.registry().scroll_region_of(name))
                problems.push_back("widget " + name + ": off screen and not scrollable");
            continue;
        }
        if (is_tapped(name) && (rect.width() < min_target || rect.height() < min_target))
            problems.push_back("widget " + name + ": smaller than 9 mm (" + std::to_string(int(rect.width())) + "x" +
                               std::to_string(int(rect.height())) + " px)");
        if (rect.min.x < 0 || rect.min.y < 0 || rect.max.x > float(width) || rect.max.y > float(height))
            problems.push_back("widget " + name + ": not wholly on screen");
    }
    const float min_text = min_text_px(app.screen_dpi());
    for (const auto& drawn : app.registry().texts()) {
        if (drawn.overflowed) problems.push_back("text '" + drawn.text + "': does not fit its box");
        if (drawn.font_size < min_text) problems.push_back("text '" + drawn.text + "': under 18 pt");
        const char* s = drawn.text.c_str();
        const char* end = s + drawn.text.size();
        while (s < end) {
            unsigned c = 0;
            s += ImTextCharFromUtf8(&c, s, end);
            if (c == ' ' || c == '\n') continue;
            const auto glyph = static_cast<ImWchar>(c);
            if (!app.fonts().body->FindGlyphNoFallback(glyph) || !app.fonts().title->FindGlyphNoFallback(glyph))
                problems.push_back("text '" + drawn.text + "': no glyph for " + hex(c));
        }
    }
    return problems;
}

}  // namespace selfcheck
