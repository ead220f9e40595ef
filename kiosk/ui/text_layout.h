#pragma once
// Splits text into lines that fit a width, at the break opportunities ICU's line
// BreakIterator gives for the locale: Chinese between characters but never before closing
// punctuation, other scripts at words, and a word too long for the line between graphemes.
#include <imgui.h>

#include <string>
#include <vector>

namespace selfcheck::ui {

struct TextLine {
    const char* begin;
    const char* end;
    float width;
    bool split = false;  // ends inside a word cut between letters (the word alone is wider than the line)
};

struct WrappedText {
    std::vector<TextLine> lines;
    ImVec2 size;
    bool word_broken() const;
};

// `text` must outlive the result (lines point into it).
WrappedText wrap_text(ImFont* font, float size, const std::string& text, float width, const std::string& locale);

}  // namespace selfcheck::ui
