#include "kiosk/core/line_breaker.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <stdexcept>
#include <unordered_map>

namespace selfcheck {

namespace {

// A stretch of text with no break opportunity inside: from the previous one to `end`, which
// includes the spaces (and '\n') before the break.
struct Segment {
    size_t end;
    bool hard;  // a mandatory break ('\n', "\r\n", U+2028, ...)
};

struct Breakers {
    std::unique_ptr<icu::BreakIterator> lines;
    std::unique_ptr<icu::BreakIterator> graphemes;
    std::vector<Segment> segments;  // reused from call to call, so a frame does not allocate
};

// Creating the iterators loads their rules (about 0.1 ms per locale here), so keep one set per
// locale. A BreakIterator is not thread-safe: thread_local gives each thread its own set, which
// needs no lock on the UI thread and stays correct if another thread ever wraps text too.
Breakers& breakers_for(const std::string& locale) {
    thread_local std::unordered_map<std::string, Breakers> cache;
    auto it = cache.find(locale);
    if (it != cache.end()) return it->second;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale icu_locale(locale.c_str());
    Breakers breakers;
    breakers.lines.reset(icu::BreakIterator::createLineInstance(icu_locale, status));
    breakers.graphemes.reset(icu::BreakIterator::createCharacterInstance(icu_locale, status));
    if (U_FAILURE(status) || !breakers.lines || !breakers.graphemes)
        throw std::runtime_error("line breaking: no ICU break rules for locale '" + locale +
                                 "': " + u_errorName(status));
    return cache.emplace(locale, std::move(breakers)).first->second;
}

bool is_line_end(UChar32 c) { return (c >= 0x0A && c <= 0x0D) || c == 0x85 || c == 0x2028 || c == 0x2029; }

// Spaces that are not drawn at the end of a line. u_isWhitespace leaves out NEL and the
// no-break spaces (those glue words together, so they are never at a break anyway).
bool is_space(UChar32 c) { return u_isWhitespace(c) || c == 0x85; }

// Code points that join with no neighbour in any version of UAX #29: printable ones below the
// combining marks, CJK ideographs, CJK and full-width punctuation.
bool joins_nothing(UChar32 c) {
    return (c >= 0x20 && c < 0x300) || (c >= 0x3000 && c <= 0x3029) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xFF01 && c <= 0xFF60);
}

// A cheap test that keeps the exact grapheme check off the common path (it would double the
// time for Chinese, where every character is a break opportunity).
bool surely_grapheme_boundary(const std::string& text, size_t pos) {
    if (pos >= text.size()) return true;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    auto before = static_cast<int32_t>(pos), after = static_cast<int32_t>(pos);
    UChar32 c_before, c_after;
    U8_PREV(s, 0, before, c_before);
    U8_NEXT(s, after, static_cast<int32_t>(text.size()), c_after);
    return joins_nothing(c_before) && joins_nothing(c_after);
}

class Wrapper {
public:
    Wrapper(const std::string& text, float max_width, const MeasureText& measure, icu::BreakIterator& graphemes)
        : bytes_(reinterpret_cast<const uint8_t*>(text.data())),
          max_width_(max_width),
          measure_(measure),
          graphemes_(graphemes) {}

    // At the start of a paragraph (the text, or after a hard break): if everything up to
    // `para_end` fits, it is one line and one measurement. Usually true on the kiosk, and it
    // saves measuring once per break opportunity, which is quadratic on a long Chinese line.
    bool take_whole_paragraph(size_t para_end, bool hard) {
        const size_t end = trim_end(begin_, para_end);
        if (!fits(begin_, end)) return false;
        open_ = true;
        fitted_ = end;
        if (hard) end_paragraph(para_end);
        return true;
    }

    // Takes ICU's segments in order, wrapping greedily at the last break that fits.
    void add_segment(size_t seg_begin, size_t seg_end, bool hard) {
        open_ = true;
        size_t end = trim_end(begin_, seg_end);
        if (!fits(begin_, end)) {
            if (fitted_ > begin_) {
                // Wrap at the last opportunity that fitted; the spaces there stay behind.
                lines_.push_back({begin_, fitted_});
                begin_ = skip_spaces(seg_begin, seg_end);
                end = trim_end(begin_, seg_end);
            }
            // Even on a line of its own the run is too wide: rather than clip it, break it
            // between graphemes (CSS's overflow-wrap: break-word).
            if (!fits(begin_, end)) begin_ = split_graphemes(begin_, end);
        }
        fitted_ = end;
        if (hard) end_paragraph(seg_end);
    }

    std::vector<LineSpan> finish() {
        if (open_) lines_.push_back({begin_, fitted_});
        return std::move(lines_);
    }

private:
    void end_paragraph(size_t next_begin) {
        lines_.push_back({begin_, fitted_});
        begin_ = fitted_ = next_begin;  // spaces after a '\n' are indentation: keep them
        open_ = false;
    }

    bool fits(size_t begin, size_t end) const { return measure_(begin, end) <= max_width_; }

    // The end of text[begin, end) without its trailing spaces and line ends.
    size_t trim_end(size_t begin, size_t end) const {
        auto i = static_cast<int32_t>(end);
        while (i > static_cast<int32_t>(begin)) {
            int32_t prev = i;
            UChar32 c;
            U8_PREV(bytes_, static_cast<int32_t>(begin), prev, c);
            if (!is_space(c)) break;
            i = prev;
        }
        return static_cast<size_t>(i);
    }

    // The first position at or after `pos` that is not a space where the text wrapped.
    size_t skip_spaces(size_t pos, size_t end) const {
        while (pos < end) {
            auto i = static_cast<int32_t>(pos);
            UChar32 c;
            U8_NEXT(bytes_, i, static_cast<int32_t>(end), c);
            if (!is_space(c) || is_line_end(c)) break;
            // A space carrying a combining mark is drawn: skipping it would split the cluster.
            if (!graphemes_.isBoundary(i)) break;
            pos = static_cast<size_t>(i);
        }
        return pos;
    }

    // text[begin, end) has no break opportunity and is too wide: push full lines cut between
    // grapheme clusters and return where the rest starts. The rest fits, unless it is a single
    // grapheme wider than a line, which then stands alone and overflows.
    size_t split_graphemes(size_t begin, size_t end) {
        while (begin < end && !fits(begin, end)) {
            // At least one grapheme per line, however narrow the line, so this always advances.
            int32_t cut = graphemes_.following(static_cast<int32_t>(begin));
            if (cut == UBRK_DONE || static_cast<size_t>(cut) >= end) break;
            for (int32_t next = graphemes_.next(); next != UBRK_DONE && static_cast<size_t>(next) < end;
                 next = graphemes_.next()) {
                if (!fits(begin, static_cast<size_t>(next))) break;
                cut = next;
            }
            lines_.push_back({begin, trim_end(begin, static_cast<size_t>(cut))});
            begin = skip_spaces(static_cast<size_t>(cut), end);
        }
        return begin;
    }

    const uint8_t* bytes_;
    float max_width_;
    const MeasureText& measure_;
    icu::BreakIterator& graphemes_;
    std::vector<LineSpan> lines_;
    size_t begin_ = 0;   // first byte of the line being filled
    size_t fitted_ = 0;  // its end at the last break opportunity that fitted (== begin_: none yet)
    bool open_ = false;  // a line has been started and not pushed yet
};

}  // namespace

std::vector<LineSpan> break_lines(const std::string& utf8, const std::string& locale, float max_width,
                                  const MeasureText& measure) {
    if (utf8.empty()) return {};
    // ICU's iterators count in int32_t.
    if (utf8.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max()))
        throw std::length_error("line breaking: text longer than 2 GiB");
    Breakers& breakers = breakers_for(locale);

    // On a UTF-8 UText, ICU's boundaries are byte offsets into `utf8`: no UTF-16 copy and no
    // index map. The iterators keep a shallow clone that points at `utf8`; every call sets
    // new text before using them, so a stale pointer is never read.
    UErrorCode status = U_ZERO_ERROR;
    icu::LocalUTextPointer text(utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status));
    breakers.lines->setText(text.getAlias(), status);
    breakers.graphemes->setText(text.getAlias(), status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("line breaking: ICU cannot read the text: ") + u_errorName(status));

    std::vector<Segment>& segments = breakers.segments;
    segments.clear();
    icu::BreakIterator& lines = *breakers.lines;
    lines.first();
    for (int32_t end = lines.next(); end != UBRK_DONE; end = lines.next()) {
        const int32_t rule = lines.getRuleStatus();
        const bool hard = rule >= UBRK_LINE_HARD && rule < UBRK_LINE_HARD_LIMIT;
        // UAX #14 allows a break between a space and a combining mark on it (a lone accent,
        // " \u0301"), which is inside one grapheme cluster: that break is not taken.
        if (!hard && !surely_grapheme_boundary(utf8, static_cast<size_t>(end)) && !breakers.graphemes->isBoundary(end))
            continue;
        segments.push_back({static_cast<size_t>(end), hard});
    }

    Wrapper wrapper(utf8, max_width, measure, *breakers.graphemes);
    size_t seg_begin = 0;
    for (size_t first = 0; first < segments.size();) {
        size_t last = first;  // the paragraph's last segment
        while (!segments[last].hard && last + 1 < segments.size()) ++last;
        if (!wrapper.take_whole_paragraph(segments[last].end, segments[last].hard)) {
            for (size_t i = first; i <= last; ++i) {
                wrapper.add_segment(seg_begin, segments[i].end, segments[i].hard);
                seg_begin = segments[i].end;
            }
        }
        seg_begin = segments[last].end;
        first = last + 1;
    }
    return wrapper.finish();
}

}  // namespace selfcheck
