#pragma once
// Line wrapping by ICU's line-break rules (UAX #14 with locale tailoring), so Chinese wraps
// between characters but never puts '，' or '。' at the start of a line, and Indonesian,
// Tagalog and English wrap at spaces and after hyphens. ImGui's own wrap only knows spaces.
// The caller measures (it owns the font); this module only decides where lines end.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace selfcheck {

// One line: byte offsets into the UTF-8 text. `end` excludes the line's trailing spaces and
// its '\n', so text[begin, end) is exactly what is drawn.
struct LineSpan {
    size_t begin;
    size_t end;
};

// measure(begin, end) returns the drawn width of text[begin, end) in pixels. It is only
// called with begin <= end on code-point boundaries, and must not call break_lines itself.
using MeasureText = std::function<float(size_t begin, size_t end)>;

// Breaks `utf8` into lines no wider than `max_width`, greedily: each line takes as many of
// ICU's break opportunities as fit (measured without its trailing spaces).
// - '\n' (and the other mandatory breaks: "\r\n", U+2028, ...) always ends a line; blank lines
//   come back as empty spans. A final '\n' does not add an empty line.
// - Empty text gives no lines; text of spaces only gives one empty line.
// - Spaces at the start of the text or after a '\n' are kept (indentation); spaces where the
//   text wrapped are not.
// - A run with no break opportunity that is wider than `max_width` (a long word, a URL, a
//   phone number) is broken between grapheme clusters, so nothing is clipped. A single
//   grapheme wider than `max_width` gets a line of its own: the only line that may overflow.
// - `locale` is an ICU id ("id", "fil", "en", "zh_Hant_HK"); unknown ids get the root rules.
// Ill-formed UTF-8 is wrapped as if each bad sequence were U+FFFD; spans never split a
// well-formed sequence. Throws std::runtime_error if ICU's break rules cannot be loaded.
//
// Break iterators are cached per locale and per thread (thread_local), so calls from
// different threads are safe; the kiosk calls it from the UI thread only.
std::vector<LineSpan> break_lines(const std::string& utf8, const std::string& locale, float max_width,
                                  const MeasureText& measure);

}  // namespace selfcheck
