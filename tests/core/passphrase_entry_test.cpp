// The on-screen keyboard's model: what each page offers, shift for one letter, the WPA
// length rule that enables Join, and the wipe on leaving.
#include "kiosk/core/passphrase_entry.h"

#include <catch2/catch.hpp>

#include <cctype>

using namespace selfcheck;

TEST_CASE("the keyboard offers every printable ASCII character across its pages, ten keys a row at most", "[wifi]") {
    PassphraseEntry entry;
    std::string all;
    for (int pass = 0; pass < 3; ++pass) {
        for (const auto& row : entry.rows()) {
            CHECK(row.size() <= 10);
            all += row;
        }
        if (pass == 0) entry.toggle_shift();
        if (pass == 1) entry.switch_page();
    }
    for (char c = 0x21; c <= 0x7e; ++c) CHECK(all.find(c) != std::string::npos);  // space has its own key
}

TEST_CASE("shift gives one capital letter, then lower case again", "[wifi]") {
    PassphraseEntry entry;
    entry.toggle_shift();
    CHECK(entry.rows().front() == "QWERTYUIOP");
    entry.press('Q');
    CHECK_FALSE(entry.shifted());
    CHECK(entry.rows().front() == "qwertyuiop");
    entry.press('q');
    CHECK(entry.text() == "Qq");
    entry.switch_page();
    CHECK(entry.rows().front() == "1234567890");
}

TEST_CASE("a WPA passphrase is complete at 8 to 63 characters", "[wifi]") {
    PassphraseEntry entry;
    for (int i = 0; i < 7; ++i) entry.press('a');
    CHECK_FALSE(entry.complete());
    entry.press(' ');
    CHECK(entry.complete());
    for (int i = 0; i < 100; ++i) entry.press('b');
    CHECK(entry.length() == PassphraseEntry::kMaxLength);
    CHECK(entry.complete());
    entry.press('\n');  // not a key: nothing typed
    entry.press(char(0xC3));
    CHECK(entry.length() == PassphraseEntry::kMaxLength);
    entry.erase();
    CHECK(entry.length() == PassphraseEntry::kMaxLength - 1);
}

TEST_CASE("wiping empties the passphrase in place and hides it again", "[wifi]") {
    PassphraseEntry entry;
    for (char c : std::string("correct horse")) entry.press(c);
    entry.toggle_shown();
    entry.switch_page();
    const char* buffer = entry.text().data();
    const size_t typed = entry.length();
    entry.wipe();
    CHECK(entry.length() == 0);
    CHECK_FALSE(entry.shown());
    CHECK(entry.page() == PassphraseEntry::Page::Letters);
    // The same buffer (reserved up front, never moved): its old characters are zeros now.
    CHECK(entry.text().data() == buffer);
    for (size_t i = 0; i < typed; ++i) CHECK(buffer[i] == '\0');
}

TEST_CASE("where fewer than ten keys fit, letters go in alphabetical order and symbols over two pages", "[wifi]") {
    PassphraseEntry entry;
    const size_t per_row = 7;
    std::string all;
    CHECK(entry.rows(per_row).front() == "abcdefg");
    for (int page = 0; page < 3; ++page) {
        const auto rows = entry.rows(per_row);
        CHECK(rows.size() <= 4);  // a phone's screen holds the page with its controls
        for (const auto& row : rows) {
            CHECK(row.size() <= per_row);
            all += row;
        }
        entry.switch_page(per_row);
    }
    CHECK(entry.page() == PassphraseEntry::Page::Letters);  // round again
    for (char c = 0x21; c <= 0x7e; ++c)
        if (!std::isupper(static_cast<unsigned char>(c))) CHECK(all.find(c) != std::string::npos);
}
