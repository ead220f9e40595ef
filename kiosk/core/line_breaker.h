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
    bool split = false;  // the line ends inside a word cut between graphemes (it alone was too wide)
};

// measure(begin, end) returns the drawn width of text[begin, end) in pixels. It is only
// called with begin <= end on code-point boundaries, and must not call break_lines itself.
using MeasureText = std::function<float(size_t begin, size_t end)>;

// Breaks `utf8` into lines no wider than `max_width`, greedily: each line takes as many of
// the preferred break opportunities (preferred_breaks) as fit (measured without its trailing
// spaces). A run between two of them that is wider than a line is broken at the
// opportunities that were kept back (a number's own spaces, inside a Chinese word) before
// anywhere else.
// - A Chinese paragraph does not end in a line of one character: the line before gives up
//   its last word when that fits.
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

// Where a line may end, by preference (byte offsets, after any spaces): ICU's line-break
// opportunities (UAX #14 for the locale) less those that would split a phone number or an
// amount ("+852 2157 9537", "HK$ 4,800"), a number from its unit ("20 seconds", "20日"), or,
// in Chinese, a word of ICU's dictionary ("旺角", "庇護所"). Mandatory breaks are included.
std::vector<size_t> preferred_breaks(const std::string& utf8, const std::string& locale);

}  // namespace selfcheck
