#include "text_layout.h"

#include <algorithm>

namespace selfcheck::ui {

WrappedText wrap_text(ImFont* font, float size, const std::string& text, float width) {
    WrappedText out;
    const char* cursor = text.c_str();
    const char* end = cursor + text.size();
    const float scale = size / font->FontSize;
    while (cursor < end) {
        const char* line_end = font->CalcWordWrapPositionA(scale, cursor, end, width);
        if (line_end == cursor) ++line_end;  // always make progress
        const char* newline = std::find(cursor, line_end, '\n');
        if (newline != line_end) line_end = newline;
        const char* visible_end = line_end;
        while (visible_end > cursor && (visible_end[-1] == ' ' || visible_end[-1] == '\n')) --visible_end;
        const float line_width = font->CalcTextSizeA(size, FLT_MAX, 0.0f, cursor, visible_end).x;
        out.lines.push_back({cursor, visible_end, line_width});
        out.size.x = std::max(out.size.x, line_width);
        cursor = line_end;
        while (cursor < end && (*cursor == ' ' || *cursor == '\n')) ++cursor;
    }
    out.size.y = static_cast<float>(out.lines.size()) * size;
    return out;
}

}  // namespace selfcheck::ui
