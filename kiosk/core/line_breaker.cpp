#include "kiosk/core/line_breaker.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
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
    // Chinese only: ICU's word iterator, whose dictionary knows where Chinese words end.
    std::unique_ptr<icu::BreakIterator> words;
    std::vector<Segment> segments;  // reused from call to call, so a frame does not allocate
    std::vector<size_t> soft;       // opportunities kept back: used only when a run is too wide
    std::vector<size_t> in_place_names;
};

bool is_chinese(const std::string& locale) { return locale.rfind("zh", 0) == 0; }

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
    if (is_chinese(locale)) breakers.words.reset(icu::BreakIterator::createWordInstance(icu_locale, status));
    if (U_FAILURE(status) || !breakers.lines || !breakers.graphemes || (is_chinese(locale) && !breakers.words))
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

bool is_ideograph(UChar32 c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x3FFFF);
}

bool is_digit(UChar32 c) { return c >= '0' && c <= '9'; }

UChar32 code_point_before(const uint8_t* s, size_t pos) {
    if (pos == 0) return U_SENTINEL;
    auto i = static_cast<int32_t>(pos);
    UChar32 c;
    U8_PREV(s, 0, i, c);
    return c;
}

UChar32 code_point_at(const uint8_t* s, size_t pos, size_t size) {
    if (pos >= size) return U_SENTINEL;
    auto i = static_cast<int32_t>(pos);
    UChar32 c;
    U8_NEXT(s, i, static_cast<int32_t>(size), c);
    return c;
}

// Hong Kong's place names, which ICU's dictionary does not all know ("號旺 / 角道" was
// possible): a Chinese line never ends inside one. The 18 districts and the areas the help
// directory's addresses name.
constexpr const char* kPlaceNames[] = {
    "香港",   "九龍", "新界", "中西區", "灣仔",   "東區", "南區", "油尖旺", "深水埗", "九龍城", "黃大仙", "觀塘",
    "葵青",   "荃灣", "屯門", "元朗",   "北區",   "大埔", "沙田", "西貢",   "離島",   "中環",   "上環",   "金鐘",
    "銅鑼灣", "北角", "旺角", "尖沙咀", "油麻地", "佐敦", "太子", "將軍澳", "葵涌",   "東涌",   "禮頓道", "旺角道"};

// Byte offsets strictly inside a place name in `text`.
void mark_place_names(const std::string& text, std::vector<size_t>& inside) {
    inside.clear();
    for (const char* name : kPlaceNames) {
        const std::string term(name);
        for (size_t at = text.find(term); at != std::string::npos; at = text.find(term, at + 1))
            for (size_t i = at + 1; i < at + term.size(); ++i) inside.push_back(i);
    }
    std::sort(inside.begin(), inside.end());
}

// Whether a line may not end at `pos` (an ICU opportunity, after any spaces) unless the run
// around it is wider than a line: inside a phone number or amount ("+852 2157 9537",
// "HK$ 4,800"), between a number and its unit ("20 seconds", "20日"), after a short prefix
// and its hyphen ("I-tap", "e-mail"), or in Chinese inside
// a word of ICU's dictionary ("旺角", "庇護所").
bool keep_together(const std::string& text, size_t pos, icu::BreakIterator* words,
                   const std::vector<size_t>& in_place_names) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    size_t before_spaces = pos;
    while (before_spaces > 0 && code_point_before(s, before_spaces) == ' ') --before_spaces;
    const bool spaced = before_spaces != pos;
    const UChar32 before = code_point_before(s, before_spaces);
    const UChar32 after = code_point_at(s, pos, text.size());
    if (before == U_SENTINEL || after == U_SENTINEL) return false;
    if (is_digit(after) && (is_digit(before) || before == '+' || before == '$' || before == ')')) return true;
    if (is_digit(before) && ((spaced && u_isalpha(after)) || (!spaced && is_ideograph(after)))) return true;
    if (!spaced && before == '-' && u_isalpha(after)) {
        // A prefix of one or two letters stays with its word: "I- / tap" reads as a cut word.
        size_t start = before_spaces - 1, letters = 0;
        while (start > 0 && u_isalpha(code_point_before(s, start)) && letters < 3) {
            start -= U8_LENGTH(code_point_before(s, start));
            ++letters;
        }
        if (letters >= 1 && letters <= 2 && (start == 0 || !u_isalpha(code_point_before(s, start)))) return true;
    }
    if (words && !spaced && is_ideograph(before) && is_ideograph(after))
        return !words->isBoundary(static_cast<int32_t>(pos)) ||
               std::binary_search(in_place_names.begin(), in_place_names.end(), pos);
    return false;
}

class Wrapper {
public:
    Wrapper(const std::string& text, float max_width, const MeasureText& measure, icu::BreakIterator& graphemes,
            const std::vector<size_t>& soft)
        : bytes_(reinterpret_cast<const uint8_t*>(text.data())),
          max_width_(max_width),
          measure_(measure),
          graphemes_(graphemes),
          soft_(soft) {}

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

    std::vector<LineSpan> finish(const std::vector<Segment>& segments) {
        if (open_) lines_.push_back({begin_, fitted_});
        avoid_lone_ideographs(segments);
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
            // First where the run was only kept together by choice (a number's spaces, a
            // Chinese word), then between graphemes.
            if (const size_t at = last_soft_fit(begin, end)) {
                lines_.push_back({begin, trim_end(begin, at)});
                begin = skip_spaces(at, end);
                continue;
            }
            // At least one grapheme per line, however narrow the line, so this always advances.
            int32_t cut = graphemes_.following(static_cast<int32_t>(begin));
            if (cut == UBRK_DONE || static_cast<size_t>(cut) >= end) break;
            for (int32_t next = graphemes_.next(); next != UBRK_DONE && static_cast<size_t>(next) < end;
                 next = graphemes_.next()) {
                if (!fits(begin, static_cast<size_t>(next))) break;
                cut = next;
            }
            lines_.push_back({begin, trim_end(begin, static_cast<size_t>(cut)), true});
            begin = skip_spaces(static_cast<size_t>(cut), end);
        }
        return begin;
    }

    // A Chinese paragraph whose last line is one character (專/線) takes the previous line's
    // last word down with it, when that fits.
    void avoid_lone_ideographs(const std::vector<Segment>& segments) {
        for (size_t k = 1; k < lines_.size(); ++k) {
            LineSpan& last = lines_[k];
            LineSpan& prev = lines_[k - 1];
            const bool paragraph_ends = k + 1 == lines_.size() || has_line_end(last.end, lines_[k + 1].begin);
            if (!paragraph_ends || has_line_end(prev.end, last.begin) || !lone_ideograph(last)) continue;
            for (auto it = segments.rbegin(); it != segments.rend(); ++it) {
                const size_t at = it->end;
                if (at >= prev.end || at <= prev.begin) continue;
                const size_t new_prev_end = trim_end(prev.begin, at);
                const size_t new_last_begin = skip_spaces(at, last.end);
                if (new_prev_end > prev.begin && fits(new_last_begin, last.end)) {
                    prev.end = new_prev_end;
                    prev.split = false;
                    last.begin = new_last_begin;
                }
                break;
            }
        }
    }

    bool has_line_end(size_t begin, size_t end) const {
        for (auto i = static_cast<int32_t>(begin); i < static_cast<int32_t>(end);) {
            UChar32 c;
            U8_NEXT(bytes_, i, static_cast<int32_t>(end), c);
            if (is_line_end(c)) return true;
        }
        return false;
    }

    // One ideograph, maybe with closing punctuation after it ("線", "心。").
    bool lone_ideograph(const LineSpan& line) const {
        int ideographs = 0;
        for (auto i = static_cast<int32_t>(line.begin); i < static_cast<int32_t>(line.end);) {
            UChar32 c;
            U8_NEXT(bytes_, i, static_cast<int32_t>(line.end), c);
            if (is_ideograph(c))
                ++ideographs;
            else if (!u_ispunct(c))
                return false;
        }
        return ideographs == 1;
    }

    // The last opportunity kept back (keep_together) inside (begin, end) where a line from
    // `begin` fits; 0 if none.
    size_t last_soft_fit(size_t begin, size_t end) const {
        size_t best = 0;
        for (size_t at : soft_) {
            if (at <= begin) continue;
            if (at >= end) break;
            const size_t line_end = trim_end(begin, at);
            if (line_end > begin && fits(begin, line_end)) best = at;
        }
        return best;
    }

    const uint8_t* bytes_;
    float max_width_;
    const MeasureText& measure_;
    icu::BreakIterator& graphemes_;
    const std::vector<size_t>& soft_;
    std::vector<LineSpan> lines_;
    size_t begin_ = 0;   // first byte of the line being filled
    size_t fitted_ = 0;  // its end at the last break opportunity that fitted (== begin_: none yet)
    bool open_ = false;  // a line has been started and not pushed yet
};

}  // namespace

namespace {

// Fills breakers.segments (the opportunities lines end at) and breakers.soft (those kept back)
// for `utf8`, which the iterators then point at.
Breakers& find_opportunities(const std::string& utf8, const std::string& locale, icu::LocalUTextPointer& text) {
    // ICU's iterators count in int32_t.
    if (utf8.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max()))
        throw std::length_error("line breaking: text longer than 2 GiB");
    Breakers& breakers = breakers_for(locale);

    // On a UTF-8 UText, ICU's boundaries are byte offsets into `utf8`: no UTF-16 copy and no
    // index map. The iterators keep a shallow clone that points at `utf8`; every call sets
    // new text before using them, so a stale pointer is never read.
    UErrorCode status = U_ZERO_ERROR;
    text.adoptInstead(utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status));
    breakers.lines->setText(text.getAlias(), status);
    breakers.graphemes->setText(text.getAlias(), status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("line breaking: ICU cannot read the text: ") + u_errorName(status));

    if (breakers.words) {
        breakers.words->setText(text.getAlias(), status);
        mark_place_names(utf8, breakers.in_place_names);
    }
    std::vector<Segment>& segments = breakers.segments;
    segments.clear();
    std::vector<size_t>& soft = breakers.soft;
    soft.clear();
    icu::BreakIterator& lines = *breakers.lines;
    lines.first();
    for (int32_t end = lines.next(); end != UBRK_DONE; end = lines.next()) {
        const int32_t rule = lines.getRuleStatus();
        const bool hard = rule >= UBRK_LINE_HARD && rule < UBRK_LINE_HARD_LIMIT;
        // UAX #14 allows a break between a space and a combining mark on it (a lone accent,
        // " \u0301"), which is inside one grapheme cluster: that break is not taken.
        if (!hard && !surely_grapheme_boundary(utf8, static_cast<size_t>(end)) && !breakers.graphemes->isBoundary(end))
            continue;
        if (!hard && keep_together(utf8, static_cast<size_t>(end), breakers.words.get(), breakers.in_place_names)) {
            soft.push_back(static_cast<size_t>(end));
            continue;
        }
        segments.push_back({static_cast<size_t>(end), hard});
    }
    return breakers;
}

}  // namespace

std::vector<size_t> preferred_breaks(const std::string& utf8, const std::string& locale) {
    if (utf8.empty()) return {};
    icu::LocalUTextPointer text;
    const Breakers& breakers = find_opportunities(utf8, locale, text);
    std::vector<size_t> out;
    for (const Segment& segment : breakers.segments) out.push_back(segment.end);
    return out;
}

std::vector<LineSpan> break_lines(const std::string& utf8, const std::string& locale, float max_width,
                                  const MeasureText& measure) {
    if (utf8.empty()) return {};
    icu::LocalUTextPointer text;
    Breakers& breakers = find_opportunities(utf8, locale, text);
    std::vector<Segment>& segments = breakers.segments;
    std::vector<size_t>& soft = breakers.soft;

    Wrapper wrapper(utf8, max_width, measure, *breakers.graphemes, soft);
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
    return wrapper.finish(segments);
}

}  // namespace selfcheck
