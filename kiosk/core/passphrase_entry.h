#pragma once
// A Wi-Fi passphrase typed on the staff panel's on-screen keyboard (the device has no other):
// the keys of each page, shift, the text and whether it is shown. Knows nothing of drawing.
// The text stays inside a buffer reserved up front and is wiped on leaving the screen.
#include <string>
#include <vector>

namespace selfcheck {

class PassphraseEntry {
public:
    // WPA personal: 8 to 63 printable ASCII characters (IEEE 802.11i).
    static constexpr size_t kMinLength = 8;
    static constexpr size_t kMaxLength = 63;
    // Where ten keys fit across: QWERTY letters and one page of digits and symbols. Where
    // fewer fit (a phone, at the minimum target): letters in alphabetical order, and the
    // digits and symbols over two pages, so no page needs more rows than the screen has.
    enum class Page { Letters, Symbols, MoreSymbols };
    static constexpr size_t kFullRow = 10;

    PassphraseEntry();
    ~PassphraseEntry();
    PassphraseEntry(const PassphraseEntry&) = delete;
    PassphraseEntry& operator=(const PassphraseEntry&) = delete;

    // The character keys of the page showing, in rows of at most `per_row` (letters in the
    // case shift gives).
    std::vector<std::string> rows(size_t per_row = kFullRow) const;
    Page page() const { return page_; }
    // The page the page key goes to next.
    Page next_page(size_t per_row = kFullRow) const;
    void switch_page(size_t per_row = kFullRow);
    bool shifted() const { return shifted_; }
    void toggle_shift();  // one letter in capitals, then back (as on a phone)

    // A key: printable ASCII only; nothing past kMaxLength.
    void press(char key);
    void erase();
    bool shown() const { return shown_; }
    void toggle_shown();

    size_t length() const { return text_.size(); }
    bool complete() const { return text_.size() >= kMinLength && text_.size() <= kMaxLength; }
    const std::string& text() const { return text_; }

    // Empties the text (overwriting it) and puts the keyboard back as it starts.
    void wipe();

private:
    std::string text_;
    Page page_ = Page::Letters;
    bool shifted_ = false;
    bool shown_ = false;
};

}  // namespace selfcheck
