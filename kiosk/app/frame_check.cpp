#include "kiosk/app/frame_check.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace selfcheck {
namespace {

std::string hex(unsigned c) {
    char text[16];
    std::snprintf(text, sizeof text, "U+%04X", c);
    return text;
}

std::string px(float value) { return std::to_string(int(std::lround(value))); }

bool is_qr(const std::string& name) { return name.rfind("qr.", 0) == 0; }
// Containers (a card, a panel) hold other things; the region is the screen's scroll area.
bool is_container(const std::string& name) { return name == "screen.scroll" || name.rfind("box.", 0) == 0; }
bool is_tapped(const std::string& name) {  // QR codes are scanned, not tapped; slots are empty
    return !is_qr(name) && !is_container(name) && name.rfind("cue.", 0) != 0 && name.rfind("slot.", 0) != 0;
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// A rectangle as it shows: clipped to the screen and to the scroll region it was drawn in.
struct Shown {
    std::string what;
    ImVec2 min, max;
    int layer = 0;
};

std::optional<Shown> shown_part(std::string what, ImVec2 min, ImVec2 max, const std::optional<ui::WidgetRect>& region,
                                float width, float height) {
    ImVec2 lo(std::max(min.x, 0.f), std::max(min.y, 0.f));
    ImVec2 hi(std::min(max.x, width), std::min(max.y, height));
    if (region) {
        lo = ImVec2(std::max(lo.x, region->min.x), std::max(lo.y, region->min.y));
        hi = ImVec2(std::min(hi.x, region->max.x), std::min(hi.y, region->max.y));
    }
    if (hi.x - lo.x < 1 || hi.y - lo.y < 1) return std::nullopt;
    return Shown{std::move(what), lo, hi};
}

bool overlap(const Shown& a, const Shown& b) {
    const float w = std::min(a.max.x, b.max.x) - std::max(a.min.x, b.min.x);
    const float h = std::min(a.max.y, b.max.y) - std::max(a.min.y, b.min.y);
    return w > 1.0f && h > 1.0f;
}

std::string quoted(const std::string& text) {
    return "'" + (text.size() > 60 ? text.substr(0, 57) + "..." : text) + "'";
}

// The code points of text[begin, end).
std::vector<unsigned> code_points(const std::string& text, size_t begin, size_t end) {
    std::vector<unsigned> out;
    const char* s = text.c_str() + begin;
    const char* stop = text.c_str() + end;
    while (s < stop) {
        unsigned c = 0;
        s += ImTextCharFromUtf8(&c, s, stop);
        out.push_back(c);
    }
    return out;
}

bool is_digit(unsigned c) { return c >= '0' && c <= '9'; }
bool is_letter(unsigned c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F); }
bool is_ideograph(unsigned c) { return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF); }
bool is_cjk_punctuation(unsigned c) {
    return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
           (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) || c == 0x2026;
}

void check_lines(const ui::DrawnText& drawn, std::vector<std::string>& problems) {
    const auto& lines = drawn.lines;
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
        const auto before = code_points(drawn.text, lines[i].first, lines[i].second);
        const auto after = code_points(drawn.text, lines[i + 1].first, lines[i + 1].second);
        if (before.empty() || after.empty()) continue;
        const unsigned last = before.back(), next = after.front();
        const bool number_goes_on = is_digit(next) && (is_digit(last) || last == '+' || last == '$' || last == ')');
        const bool unit_cut_off = is_digit(last) && (is_ideograph(next) || next == '%');
        if (number_goes_on || unit_cut_off)
            problems.push_back("text " + quoted(drawn.text) + ": a number is broken across lines after '" +
                               drawn.text.substr(lines[i].first, lines[i].second - lines[i].first) + "'");
        // "I- / tap": a one- or two-letter prefix left at the end of a line, cut from its word.
        size_t letters = 0;
        while (letters < 3 && letters + 1 < before.size() && is_letter(before[before.size() - 2 - letters])) ++letters;
        const bool word_starts = letters + 1 == before.size() || !is_letter(before[before.size() - 2 - letters]);
        if (last == '-' && is_letter(next) && letters >= 1 && letters <= 2 && word_starts)
            problems.push_back("text " + quoted(drawn.text) + ": a word is cut after its prefix '" +
                               drawn.text.substr(lines[i].first, lines[i].second - lines[i].first) + "'");
    }
    if (drawn.locale.rfind("zh", 0) == 0 && lines.size() > 1) {
        int ideographs = 0, others = 0;
        for (unsigned c : code_points(drawn.text, lines.back().first, lines.back().second)) {
            if (is_ideograph(c))
                ++ideographs;
            else if (!is_cjk_punctuation(c) && c != ' ')
                ++others;
        }
        if (ideographs == 1 && others == 0)
            problems.push_back("text " + quoted(drawn.text) + ": its last line is one character");
    }
    if (drawn.word_broken) problems.push_back("text " + quoted(drawn.text) + ": a word is cut between letters");
}

}  // namespace

double contrast_ratio(unsigned a, unsigned b) {
    auto luminance = [](unsigned colour) {
        auto channel = [](unsigned value) {
            const double c = value / 255.0;
            return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(colour & 0xFF) + 0.7152 * channel((colour >> 8) & 0xFF) +
               0.0722 * channel((colour >> 16) & 0xFF);
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

int typical_dpi(int width, int height) {
    const int short_side = std::min(width, height);
    if (short_side <= 600) return 133;
    if (short_side <= 900) return 149;
    return 102;
}

bool is_primary_action(const std::string& name) {
    for (const char* prefix : {"answer.", "number.", "pin.", "lang.", "staff.", "confirm."})
        if (starts_with(name, prefix)) return true;
    return name == "nav.back" || name == "nav.quick_exit" || name == "privacy.continue" || name == "result.finish" ||
           name == "idle.continue";
}

// The result's outcome and urgent panels lead with a title she reads first: it must be drawn
// larger than the explanation under it, however long the title is in her language.
void check_panel_titles(const ui::WidgetRegistry& registry, std::vector<std::string>& problems) {
    for (const char* name : {"box.outcome", "box.urgent"}) {
        const auto panel = registry.find(name);
        if (!panel) continue;
        const ui::DrawnText* title = nullptr;
        for (const auto& drawn : registry.texts()) {
            if (!drawn.owner.empty() || drawn.min.y < panel->min.y || drawn.max.y > panel->max.y ||
                drawn.min.x < panel->min.x || drawn.max.x > panel->max.x)
                continue;
            if (!title) {
                title = &drawn;
            } else if (drawn.font_size >= title->font_size) {
                problems.push_back(std::string("widget ") + name + ": its title " + quoted(title->text) + " (" +
                                   px(title->font_size) + " px) is no larger than the text under it (" +
                                   px(drawn.font_size) + " px)");
                break;
            }
        }
    }
}

std::vector<std::string> frame_problems(const KioskApp& app) {
    std::vector<std::string> problems;
    int width = 0, height = 0;
    app.display().size(width, height);
    const float dpi = app.screen_dpi();
    const float min_target = min_target_px(dpi);
    std::vector<Shown> things;  // everything drawn that must not overlap anything else
    for (const auto& [name, rect] : app.registry().widgets()) {
        if (!rect.visible) {
            if (!app.registry().scroll_region_of(name))
                problems.push_back("widget " + name + ": off screen and not scrollable");
        } else {
            if (is_tapped(name) && (rect.width() < min_target || rect.height() < min_target))
                problems.push_back("widget " + name + ": smaller than 9 mm (" + px(rect.width()) + "x" +
                                   px(rect.height()) + " px)");
            if (rect.min.x < 0 || rect.min.y < 0 || rect.max.x > float(width) || rect.max.y > float(height))
                problems.push_back("widget " + name + ": not wholly on screen");
        }
        if ((is_tapped(name) || starts_with(name, "box.")) && rect.boundary != 0 && rect.backdrop != 0 &&
            contrast_ratio(rect.boundary, rect.backdrop) < 3.0) {
            char ratio[32];
            std::snprintf(ratio, sizeof ratio, "%.2f:1", contrast_ratio(rect.boundary, rect.backdrop));
            problems.push_back("widget " + name + ": its edge is " + ratio + " against its surroundings (3:1 needed)");
        }
        if (is_qr(name) && rect.width() < kMinQrMillimetres * dpi / 25.4f)
            problems.push_back("widget " + name + ": QR code " + px(rect.width() * 25.4f / dpi) +
                               " mm across (at least " + px(kMinQrMillimetres) + " mm)");
        if (is_container(name)) continue;
        if (auto shown = shown_part("widget " + name, rect.min, rect.max, app.registry().scroll_region_of(name),
                                    float(width), float(height))) {
            shown->layer = rect.layer;
            things.push_back(*shown);
        }
    }
    const float min_text = min_text_px(dpi);
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
        check_lines(drawn, problems);
        if (!drawn.owner.empty() || drawn.text.empty()) continue;
        if (auto shown = shown_part("text " + quoted(drawn.text), drawn.min, drawn.max, drawn.region, float(width),
                                    float(height))) {
            shown->layer = drawn.layer;
            things.push_back(*shown);
        }
    }
    // A panel over the screen hides what is under it: only its own parts must not overlap.
    int top_layer = 0;
    for (const auto& thing : things) top_layer = std::max(top_layer, thing.layer);
    for (size_t i = 0; i < things.size(); ++i)
        for (size_t j = i + 1; j < things.size(); ++j)
            if (things[i].layer == top_layer && things[j].layer == top_layer && overlap(things[i], things[j]))
                problems.push_back(things[i].what + " overlaps " + things[j].what);
    check_panel_titles(app.registry(), problems);
    return problems;
}

std::vector<std::string> opening_problems(const KioskApp& app) {
    std::vector<std::string> problems = frame_problems(app);
    const ui::WidgetRegistry& registry = app.registry();
    if (registry.scrolled() > 0.5f)
        problems.push_back("the screen opened scrolled down by " + px(registry.scrolled()) + " px");
    const std::string screen = app.screen_name();
    const bool needs_heading = screen != "welcome";
    const ui::DrawnText* heading = nullptr;
    for (const auto& drawn : registry.texts())
        if (drawn.heading && !heading) heading = &drawn;
    if (needs_heading && !heading) problems.push_back("no title or question is drawn");
    if (heading) {
        float top = 0, bottom = 0;
        if (heading->region) top = heading->region->min.y, bottom = heading->region->max.y;
        int width = 0, height = 0;
        app.display().size(width, height);
        if (!heading->region) bottom = float(height);
        if (heading->min.y < top - 0.5f || heading->min.y + heading->font_size > bottom + 0.5f)
            problems.push_back("the first line of " + quoted(heading->text) + " is not on screen");
    }
    int top_layer = 0;
    for (const auto& [name, rect] : registry.widgets()) top_layer = std::max(top_layer, rect.layer);
    for (const auto& [name, rect] : registry.widgets())
        if (rect.layer == top_layer && is_primary_action(name) && !rect.visible)
            problems.push_back("widget " + name + ": below the fold");
    return problems;
}

}  // namespace selfcheck
