#include "kiosk/ui/text_layout.h"

#include "kiosk/core/line_breaker.h"

#include <algorithm>

namespace selfcheck::ui {

bool WrappedText::word_broken() const {
    return std::any_of(lines.begin(), lines.end(), [](const TextLine& line) { return line.split; });
}

WrappedText wrap_text(ImFont* font, float size, const std::string& text, float width, const std::string& locale) {
    WrappedText out;
    const char* base = text.c_str();
    auto measure = [&](size_t begin, size_t end) {
        return font->CalcTextSizeA(size, FLT_MAX, 0.0f, base + begin, base + end).x;
    };
    for (const LineSpan& span : break_lines(text, locale, width, measure)) {
        const float line_width = measure(span.begin, span.end);
        out.lines.push_back({base + span.begin, base + span.end, line_width, span.split});
        out.size.x = std::max(out.size.x, line_width);
    }
    out.size.y = static_cast<float>(out.lines.size()) * size;
    return out;
}

}  // namespace selfcheck::ui
