#include "kiosk/core/line_breaker.h"

#include <catch2/catch.hpp>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

using namespace selfcheck;

namespace {

// A deterministic font: every code point is 10 px wide, or, with `wide_cjk`, 20 px for CJK
// ideographs and full-width punctuation. A bad UTF-8 byte counts as one code point. It also
// checks that break_lines only ever asks for ranges inside the text, on code-point boundaries.
struct Ruler {
    const std::string& text;
    bool wide_cjk = false;
    int bad_calls = 0;

    static bool is_cjk(UChar32 c) {
        return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60) ||
               (c >= 0x20000 && c <= 0x3FFFF);
    }
    static bool is_continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

    float operator()(size_t begin, size_t end) {
        if (begin > end || end > text.size() || (begin < text.size() && is_continuation(text[begin])) ||
            (end < text.size() && is_continuation(text[end]))) {
            ++bad_calls;
            return 0;
        }
        const auto* s = reinterpret_cast<const uint8_t*>(text.data());
        float width = 0;
        for (auto i = static_cast<int32_t>(begin); i < static_cast<int32_t>(end);) {
            UChar32 c;
            U8_NEXT(s, i, static_cast<int32_t>(end), c);
            width += wide_cjk && is_cjk(c) ? 20.0f : 10.0f;
        }
        return width;
    }

    MeasureText fn() {
        return [this](size_t begin, size_t end) { return (*this)(begin, end); };
    }
};

std::vector<std::string> line_texts(const std::string& text, const std::vector<LineSpan>& lines) {
    std::vector<std::string> out;
    for (const auto& line : lines) out.push_back(text.substr(line.begin, line.end - line.begin));
    return out;
}

std::vector<std::string> wrap(const std::string& text, float max_width, const std::string& locale = "en",
                              bool wide_cjk = false) {
    Ruler ruler{text, wide_cjk};
    auto lines = break_lines(text, locale, max_width, ruler.fn());
    CHECK(ruler.bad_calls == 0);
    return line_texts(text, lines);
}

bool is_space(UChar32 c) { return u_isWhitespace(c) || c == 0x85; }

bool is_line_end(UChar32 c) { return (c >= 0x0A && c <= 0x0D) || c == 0x85 || c == 0x2028 || c == 0x2029; }

// The code point starting at byte `i` (negative for a bad sequence), and the one ending at `i`.
UChar32 code_point_at(const std::string& text, size_t i) {
    auto pos = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos, static_cast<int32_t>(text.size()), c);
    return c;
}

UChar32 code_point_before(const std::string& text, size_t i) {
    auto pos = static_cast<int32_t>(i);
    UChar32 c;
    U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, pos, c);
    return c;
}

// Whether every code point in text[begin, end) is a space or line end.
bool all_space(const std::string& text, size_t begin, size_t end) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    for (auto i = static_cast<int32_t>(begin); i < static_cast<int32_t>(end);) {
        UChar32 c;
        U8_NEXT(s, i, static_cast<int32_t>(end), c);
        if (!is_space(c)) return false;
    }
    return true;
}

bool has_line_end(const std::string& text, size_t begin, size_t end) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    for (auto i = static_cast<int32_t>(begin); i < static_cast<int32_t>(end);) {
        UChar32 c;
        U8_NEXT(s, i, static_cast<int32_t>(end), c);
        if (is_line_end(c)) return true;
    }
    return false;
}

// The properties every result must have, whatever the text and width.
void check_invariants(const std::string& text, const std::string& locale, float max_width, bool wide_cjk) {
    Ruler ruler{text, wide_cjk};
    const auto lines = break_lines(text, locale, max_width, ruler.fn());
    INFO("text '" << text << "' locale " << locale << " width " << max_width << (wide_cjk ? " (wide CJK)" : ""));
    CHECK(ruler.bad_calls == 0);
    if (text.empty()) {
        CHECK(lines.empty());
        return;
    }
    REQUIRE_FALSE(lines.empty());

    UErrorCode status = U_ZERO_ERROR;
    icu::LocalUTextPointer utext(utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
    std::unique_ptr<icu::BreakIterator> graphemes(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    graphemes->setText(utext.getAlias(), status);
    REQUIRE(U_SUCCESS(status));

    const std::vector<size_t> preferred = preferred_breaks(text, locale);
    size_t covered = 0;  // end of the previous line
    for (size_t n = 0; n < lines.size(); ++n) {
        const size_t begin = lines[n].begin, end = lines[n].end;
        INFO("line " << n << " [" << begin << ", " << end << ")");
        // In order, not overlapping, inside the text, each line further on than the last.
        REQUIRE(begin <= end);
        REQUIRE(end <= text.size());
        REQUIRE(begin >= covered);
        if (n > 0) REQUIRE(begin > lines[n - 1].begin);
        // Nothing but spaces and line ends is left out between lines.
        CHECK(all_space(text, covered, begin));
        covered = end;
        // Never inside a UTF-8 sequence or a grapheme cluster.
        CHECK(graphemes->isBoundary(static_cast<int32_t>(begin)));
        CHECK(graphemes->isBoundary(static_cast<int32_t>(end)));
        if (begin == end) continue;
        // No trailing spaces; leading ones only where the text or a paragraph starts.
        CHECK_FALSE(is_space(code_point_before(text, end)));
        const UChar32 first = code_point_at(text, begin);
        const bool lone_space =
            graphemes->following(static_cast<int32_t>(begin)) == static_cast<int32_t>(begin) + U8_LENGTH(first);
        if (is_space(first) && lone_space) CHECK((begin == 0 || is_line_end(code_point_before(text, begin))));
        // Within the width, unless the line is one grapheme wider than any line.
        if (ruler(begin, end) > max_width)
            CHECK(graphemes->following(static_cast<int32_t>(begin)) == static_cast<int32_t>(end));
        // Greedy: within a paragraph, the next line's first piece would not have fitted here
        // (the preferred opportunities; the line before a paragraph's last may have given a
        // word to it, so that one line of one Chinese character is not left alone).
        const bool next_is_last = n + 2 >= lines.size() || has_line_end(text, lines[n + 1].end, lines[n + 2].begin);
        if (n + 1 < lines.size() && !has_line_end(text, end, lines[n + 1].begin) && !next_is_last) {
            const auto after = std::upper_bound(preferred.begin(), preferred.end(), lines[n + 1].begin);
            REQUIRE(after != preferred.end());
            auto more = *after;
            while (more > lines[n + 1].begin && is_space(code_point_before(text, more)))
                more -= static_cast<size_t>(U8_LENGTH(code_point_before(text, more)));
            CHECK(ruler(begin, more) > max_width);
        }
    }
    CHECK(all_space(text, covered, text.size()));
}

const std::string kFox = "The quick brown fox jumps over the lazy dog";
const std::string kResign = "如果你辭職，你會擔心自己或家人受到不好的後果嗎？";
const std::string kPassport = "你的僱主有沒有拿走你的護照（或身份證）？請按「下一步」。";
const std::string kIndonesian = "Apakah majikan Anda pernah menahan paspor atau kontrak kerja Anda? Anak-anak majikan.";
const std::string kTagalog = "Kinuha ba ng iyong amo ang iyong pasaporte o kontrata? Pinag-aaral ka ba ng mag-anak?";

}  // namespace

TEST_CASE("English wraps at word boundaries, taking as much as fits") {
    CHECK(wrap(kFox, 100) == std::vector<std::string>{"The quick", "brown fox", "jumps over", "the lazy", "dog"});
    // "jumps over" is exactly 100 wide: a hair less and it no longer fits.
    CHECK(wrap(kFox, 99.5f) == std::vector<std::string>{"The quick", "brown fox", "jumps", "over the", "lazy dog"});
}

TEST_CASE("text that fits is one line, and an exact fit fits") {
    CHECK(wrap("hello world", 110) == std::vector<std::string>{"hello world"});
    CHECK(wrap("hello world", 109.9f) == std::vector<std::string>{"hello", "world"});
    CHECK(wrap("hello world", 1e9f) == std::vector<std::string>{"hello world"});
    Ruler ruler{kFox};
    const auto lines = break_lines(kFox, "en", 1000, ruler.fn());
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].begin == 0);
    CHECK(lines[0].end == kFox.size());
}

TEST_CASE("trailing spaces are left out of a line and do not count towards its width") {
    const std::string text = "hello   world";
    Ruler ruler{text};
    const auto lines = break_lines(text, "en", 50, ruler.fn());
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].begin == 0);
    CHECK(lines[0].end == 5);
    CHECK(lines[1].begin == 8);  // the next line does not start with the spaces
    CHECK(lines[1].end == 13);

    // "hello " would be 60: the space does not count, so "hello" fits in 50 exactly.
    CHECK(wrap("hello world", 50) == std::vector<std::string>{"hello", "world"});
    CHECK(wrap("hello   ", 1000) == std::vector<std::string>{"hello"});
    CHECK(wrap("hello   ", 50) == std::vector<std::string>{"hello"});
    CHECK(wrap("a b\u3000c", 10, "zh_Hant_HK") == std::vector<std::string>{"a", "b", "c"});  // ideographic space too
}

TEST_CASE("spaces at the start of the text or of a paragraph are kept as indentation") {
    CHECK(wrap("  indented", 1000) == std::vector<std::string>{"  indented"});
    CHECK(wrap("a\n  b", 1000) == std::vector<std::string>{"a", "  b"});
}

TEST_CASE("a run wider than the line is broken between graphemes rather than clipped") {
    CHECK(wrap("Supercalifragilistic", 80) == std::vector<std::string>{"Supercal", "ifragili", "stic"});
    // The last piece of the run shares its line with what follows when it fits.
    CHECK(wrap("Supercalifragilistic is", 80) == std::vector<std::string>{"Supercal", "ifragili", "stic is"});
    CHECK(wrap("Call 85291234567 now", 60) == std::vector<std::string>{"Call", "852912", "34567", "now"});
    for (float width : {0.0f, 35.0f, 120.0f, 200.0f}) {
        check_invariants("https://www.labour.gov.hk/eng/public/wcp/FDHguide.pdf", "en", width, false);
        check_invariants("+85221579537", "fil", width, false);
    }
}

TEST_CASE("a width too small for anything gives one grapheme per line") {
    CHECK(wrap("abc", 0) == std::vector<std::string>{"a", "b", "c"});
    CHECK(wrap("ab cd", -5) == std::vector<std::string>{"a", "b", "c", "d"});
    CHECK(wrap("你好", 15, "zh_Hant_HK", true) == std::vector<std::string>{"你", "好"});
}

TEST_CASE("a newline always ends a line") {
    CHECK(wrap("Line one\nLine two\n\nLine four", 1000) ==
          std::vector<std::string>{"Line one", "Line two", "", "Line four"});
    CHECK(wrap("Line one  \nLine two", 1000) == std::vector<std::string>{"Line one", "Line two"});
    CHECK(wrap("a\r\nb", 1000) == std::vector<std::string>{"a", "b"});
    CHECK(wrap("a\u2028b", 1000) == std::vector<std::string>{"a", "b"});
    // A final newline ends the last line; it does not start an empty one.
    CHECK(wrap("abc\n", 1000) == std::vector<std::string>{"abc"});
    CHECK(wrap("\n", 1000) == std::vector<std::string>{""});
    CHECK(wrap("abc\n\n", 1000) == std::vector<std::string>{"abc", ""});
    // Hard and soft breaks together.
    CHECK(wrap("The quick brown\nfox", 100) == std::vector<std::string>{"The quick", "brown", "fox"});
}

TEST_CASE("empty text gives no lines; spaces only give one empty line") {
    Ruler ruler{""};
    CHECK(break_lines("", "en", 100, ruler.fn()).empty());
    const std::string spaces = "   ";
    Ruler space_ruler{spaces};
    const auto lines = break_lines(spaces, "en", 100, space_ruler.fn());
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].begin == lines[0].end);
}

TEST_CASE("Chinese wraps between characters but never starts a line with closing punctuation") {
    // Breaking after any character would put '，' at the start of line 2 at 100 px (5 wide
    // characters), and '？' alone on line 3 at 220 px (11).
    // Lines end between words (辭職, 擔心, 家人, 後果), never inside one.
    CHECK(wrap(kResign, 100, "zh_Hant_HK", true) ==
          std::vector<std::string>{"如果你", "辭職，你會", "擔心自己或", "家人受到", "不好的", "後果嗎？"});
    CHECK(wrap(kResign, 220, "zh_Hant_HK", true) ==
          std::vector<std::string>{"如果你辭職，你會擔心", "自己或家人受到不好的", "後果嗎？"});
    CHECK(wrap(kResign, 1000, "zh_Hant_HK", true) == std::vector<std::string>{kResign});

    const std::vector<std::string> closing = {"，", "。", "？", "」", "）"};
    const std::vector<std::string> opening = {"「", "（"};
    for (const std::string& text : {kResign, kPassport}) {
        for (bool wide : {true, false}) {
            // From the longest run ICU will not break ("證）？", 3 wide characters) to the whole
            // sentence. Narrower than that, the run itself is split by grapheme, not clipped.
            for (float width = 60; width <= 600; width += 10) {
                INFO(text << " at " << width << (wide ? " (wide CJK)" : ""));
                const auto lines = wrap(text, width, "zh_Hant_HK", wide);
                CHECK(lines.size() > 0);
                for (const auto& line : lines) {
                    for (const auto& mark : closing) CHECK(line.compare(0, mark.size(), mark) != 0);
                    for (const auto& mark : opening)
                        CHECK((line.size() < mark.size() ||
                               line.compare(line.size() - mark.size(), mark.size(), mark) != 0));
                }
                check_invariants(text, "zh_Hant_HK", width, wide);
            }
        }
    }
}

TEST_CASE("Indonesian and Tagalog wrap at spaces and after hyphens") {
    CHECK(wrap(kIndonesian, 200, "id") == std::vector<std::string>{"Apakah majikan Anda", "pernah menahan",
                                                                   "paspor atau kontrak", "kerja Anda? Anak-",
                                                                   "anak majikan."});
    CHECK(wrap(kTagalog, 200, "fil") == std::vector<std::string>{"Kinuha ba ng iyong", "amo ang iyong", "pasaporte o",
                                                                 "kontrata? Pinag-", "aaral ka ba ng mag-", "anak?"});
    // A hyphen stays at the end of the line, never at the start of the next.
    CHECK(wrap("Pinag-aaral", 80, "fil") == std::vector<std::string>{"Pinag-", "aaral"});
    // ...but a prefix of one or two letters stays with its word ("I- / tap" on the result screen).
    CHECK(wrap("mo. I-tap", 70, "fil") == std::vector<std::string>{"mo.", "I-tap"});
    CHECK(wrap("an e-mail", 70) == std::vector<std::string>{"an", "e-mail"});
    CHECK(wrap("I-tap", 30, "fil") == std::vector<std::string>{"I-", "tap"});  // wider than the line: then it may
    for (float width = 0; width <= 400; width += 15) {
        // Once the longest word fits ("pasaporte", 90 px), no line starts with a hyphen.
        if (width >= 90)
            for (const auto& line : wrap(kTagalog, width, "fil")) CHECK(line.rfind('-', 0) != 0);
        check_invariants(kIndonesian, "id", width, false);
        check_invariants(kTagalog, "fil", width, false);
    }
}

TEST_CASE("combining marks and emoji are never split") {
    const std::string e_acute = "e\u0301";  // two code points, one grapheme, 20 px here
    const std::string text = e_acute + e_acute + e_acute;
    CHECK(wrap(text, 45) == std::vector<std::string>{e_acute + e_acute, e_acute});
    CHECK(wrap(text, 15) == std::vector<std::string>{e_acute, e_acute, e_acute});  // each overflows, whole

    const std::string hk = "\U0001F1ED\U0001F1F0", id = "\U0001F1EE\U0001F1E9", ph = "\U0001F1F5\U0001F1ED";
    CHECK(wrap(hk + id + ph, 30) == std::vector<std::string>{hk, id, ph});
    CHECK(wrap(hk + id + ph, 10) == std::vector<std::string>{hk, id, ph});
    CHECK(wrap(hk + id + ph, 40) == std::vector<std::string>{hk + id, ph});

    const std::string family = "\U0001F469\u200D\U0001F469\u200D\U0001F467";  // 5 code points, 50 px
    CHECK(wrap("ok " + family + " ok", 30) == std::vector<std::string>{"ok", family, "ok"});
    const std::string thumbs = "\U0001F44D\U0001F3FD";  // with a skin tone modifier
    CHECK(wrap("Salamat" + thumbs + thumbs, 80, "fil") == std::vector<std::string>{"Salamat", thumbs + thumbs});
    // A combining mark on a space is a lone accent: ICU's line rules allow a break between the
    // two, but that would split the cluster, so the space stays and leads the line.
    CHECK(wrap("ab \u0301cd", 20) == std::vector<std::string>{"ab", " \u0301", "cd"});
    CHECK(wrap("ab  \u0301cd", 20) == std::vector<std::string>{"ab", " \u0301", "cd"});  // the lone space goes
    CHECK(wrap("ab \u0301cd", 1000) == std::vector<std::string>{"ab \u0301cd"});
    for (float width = 0; width <= 120; width += 5) {
        check_invariants(text, "en", width, false);
        check_invariants("ab \u0301cd x \u0308\u0308y z", "en", width, false);
        check_invariants(hk + id + ph + " " + family + " caf" + e_acute + " " + thumbs, "en", width, false);
    }
}

TEST_CASE("every locale gives well-formed lines for every width") {
    const std::vector<std::string> texts = {
        kFox,
        kResign,
        kPassport,
        kIndonesian,
        kTagalog,
        "請致電 2157 9537 或 WhatsApp 5555 1234。\n不收費，保密。",
        "Minimum Allowable Wage: HK$5,100 per month (2024).  Tingnan: https://www.labour.gov.hk",
        "  one\n\n  two  \r\n three ",
        "Accent \u0301 alone, na\u0308ive, \u1100\u1161\u11A8 jamo, \u0915\u094D\u0937 conjunct",
        "ab\xFF\xFE"
        "cd ef\xE4\xBD",  // ill-formed UTF-8, including a truncated sequence at the end
    };
    for (const std::string locale : {"en", "id", "fil", "zh_Hant_HK", "xx_unknown"}) {
        for (const auto& text : texts) {
            for (float width = 0; width <= 500; width += 13) {
                check_invariants(text, locale, width, false);
                check_invariants(text, locale, width, true);
            }
        }
    }
}

TEST_CASE("the per-locale cache gives the same answer whatever was asked before") {
    const auto first = wrap(kResign, 100, "zh_Hant_HK", true);
    for (int round = 0; round < 3; ++round) {
        CHECK(wrap(kFox, 100, "en") ==
              std::vector<std::string>{"The quick", "brown fox", "jumps over", "the lazy", "dog"});
        CHECK(wrap(kResign, 100, "zh_Hant_HK", true) == first);
        CHECK(wrap("Pinag-aaral", 80, "fil") == std::vector<std::string>{"Pinag-", "aaral"});
    }
}

namespace {

// The lines of `text` at every width from `from` to `to` (wide CJK), for rules that must hold
// whatever the width.
std::vector<std::vector<std::string>> every_width(const std::string& text, const std::string& locale, float from,
                                                  float to, float step = 10) {
    std::vector<std::vector<std::string>> out;
    for (float width = from; width <= to; width += step) out.push_back(wrap(text, width, locale, true));
    return out;
}

// Whether some line ends with `before` and the next starts with `after`.
bool split_between(const std::vector<std::string>& lines, const std::string& before, const std::string& after) {
    for (size_t i = 0; i + 1 < lines.size(); ++i)
        if (lines[i].size() >= before.size() &&
            lines[i].compare(lines[i].size() - before.size(), before.size(), before) == 0 &&
            lines[i + 1].compare(0, after.size(), after) == 0)
            return true;
    return false;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) out += (out.empty() ? "" : " / ") + line;
    return out;
}

}  // namespace

TEST_CASE("Chinese lines end between words, not inside them (ICU's dictionary)") {
    const std::string fault = "部分答案顯示，你在這份工作中可能沒有自由。這不是你的錯。你有權利，也有人可以幫你。";
    const std::string address = "九龍旺角道1號旺角道壹號商業中心16樓（勞工處外籍家庭傭工科）";
    const std::string shelter = "為身處困境的外籍女工提供庇護所。";
    // From four characters a line: a narrower line may have to cut a word.
    for (const auto& lines : every_width(fault, "zh_Hant_HK", 80, 600)) {
        INFO(joined(lines));
        CHECK_FALSE(split_between(lines, "這不", "是"));
        CHECK_FALSE(split_between(lines, "權", "利"));
    }
    for (const auto& lines : every_width(address, "zh_Hant_HK", 80, 600)) {
        INFO(joined(lines));
        CHECK_FALSE(split_between(lines, "旺", "角"));
    }
    for (const auto& lines : every_width(shelter, "zh_Hant_HK", 80, 600)) {
        INFO(joined(lines));
        CHECK_FALSE(split_between(lines, "庇護", "所"));
    }
}

TEST_CASE("a Chinese paragraph never ends in a line of one character") {
    for (const std::string& text :
         {std::string("勞工處外傭專線"), std::string("金鐘統一中心29樓的菲律賓移工中心"), kResign}) {
        // From four characters a line (at three, "後果 / 嗎？" can only be mended by cutting 後果).
        for (const auto& lines : every_width(text, "zh_Hant_HK", 80, 600)) {
            INFO(joined(lines));
            if (lines.size() < 2) continue;
            const std::string& last = lines.back();
            // One ideograph is three bytes in UTF-8; a closing mark may follow it.
            CHECK_FALSE((last.size() == 3 || (last.size() == 6 && (last.substr(3) == "。" || last.substr(3) == "？"))));
        }
    }
}

TEST_CASE("phone numbers, amounts and numbers with their units stay on one line") {
    CHECK(wrap("Phone +852 2157 9537", 150) == std::vector<std::string>{"Phone", "+852 2157 9537"});
    CHECK(wrap("Telepono +852 2157 9537", 150, "fil") == std::vector<std::string>{"Telepono", "+852 2157 9537"});
    CHECK(wrap("The screen will clear in 20 seconds.", 280) ==
          std::vector<std::string>{"The screen will clear in", "20 seconds."});
    CHECK(wrap("Your salary: HK$ 4,800 a month", 170) == std::vector<std::string>{"Your salary:", "HK$ 4,800 a month"});
    CHECK(wrap("電話：+852 2157 9537", 180, "zh_Hant_HK", true) ==
          std::vector<std::string>{"電話：", "+852 2157 9537"});
    CHECK(wrap("請於20日內", 60, "zh_Hant_HK", true) == std::vector<std::string>{"請於", "20日內"});
    // A number wider than the line breaks at its own spaces before anywhere else.
    CHECK(wrap("+852 2157 9537", 100) == std::vector<std::string>{"+852 2157", "9537"});
}

TEST_CASE("a Latin word is cut only when it alone is wider than the line, and the cut is marked") {
    Ruler ruler{"Burahin"};
    const auto cut = break_lines("Burahin", "fil", 60, ruler.fn());
    REQUIRE(cut.size() == 2);
    CHECK(cut[0].split);
    CHECK_FALSE(cut[1].split);
    const std::string two = "Tapos na";
    Ruler ruler2{two};
    for (const auto& line : break_lines(two, "fil", 60, ruler2.fn())) CHECK_FALSE(line.split);
}
