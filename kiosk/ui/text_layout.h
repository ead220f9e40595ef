#pragma once
// Splits text into lines that fit a width. The one place line breaking is decided, so that
// ICU's line BreakIterator can take over without touching the screens.
#include <imgui.h>

#include <string>
#include <vector>

namespace selfcheck::ui {

struct TextLine {
    const char* begin;
    const char* end;
    float width;
};

struct WrappedText {
    std::vector<TextLine> lines;
    ImVec2 size;
};

// `text` must outlive the result (lines point into it).
WrappedText wrap_text(ImFont* font, float size, const std::string& text, float width);

}  // namespace selfcheck::ui
