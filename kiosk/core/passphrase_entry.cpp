#include "kiosk/core/passphrase_entry.h"

#include "kiosk/core/staff_pin.h"

#include <algorithm>
#include <cctype>

namespace selfcheck {

namespace {

// Rows of at most ten keys: the familiar QWERTY rows, then every other printable ASCII
// character a passphrase may hold.
const std::vector<std::string> kLetterRows = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
const std::vector<std::string> kSymbolRows = {"1234567890", "!@#$%&*()-", "_=+.,?/:;'", "\"~[]{}<>|\\", "^`"};
const std::string kAlphabet = "abcdefghijklmnopqrstuvwxyz";

std::vector<std::string> flowed(const std::string& keys, size_t per_row) {
    std::vector<std::string> rows;
    for (size_t i = 0; i < keys.size(); i += per_row) rows.push_back(keys.substr(i, per_row));
    return rows;
}

}  // namespace

PassphraseEntry::PassphraseEntry() { text_.reserve(kMaxLength + 1); }

PassphraseEntry::~PassphraseEntry() { wipe(); }

std::vector<std::string> PassphraseEntry::rows(size_t per_row) const {
    per_row = std::max<size_t>(per_row, 1);
    const bool full = per_row >= kFullRow;
    if (page_ != Page::Letters) {
        if (full) return kSymbolRows;
        std::string all;
        for (const auto& row : kSymbolRows) all += row;
        const size_t half = (all.size() + 1) / 2;
        return flowed(page_ == Page::Symbols ? all.substr(0, half) : all.substr(half), per_row);
    }
    std::vector<std::string> rows = full ? kLetterRows : flowed(kAlphabet, per_row);
    if (shifted_)
        for (auto& row : rows)
            for (auto& c : row) c = char(std::toupper(static_cast<unsigned char>(c)));
    return rows;
}

PassphraseEntry::Page PassphraseEntry::next_page(size_t per_row) const {
    if (page_ == Page::Letters) return Page::Symbols;
    if (page_ == Page::Symbols && per_row < kFullRow) return Page::MoreSymbols;
    return Page::Letters;
}

void PassphraseEntry::switch_page(size_t per_row) {
    page_ = next_page(per_row);
    shifted_ = false;
}

void PassphraseEntry::toggle_shift() {
    if (page_ == Page::Letters) shifted_ = !shifted_;
}

void PassphraseEntry::press(char key) {
    if (key < 0x20 || key > 0x7e || text_.size() >= kMaxLength) return;
    text_.push_back(key);
    if (shifted_ && std::isalpha(static_cast<unsigned char>(key))) shifted_ = false;
}

void PassphraseEntry::erase() {
    if (text_.empty()) return;
    text_.back() = '\0';
    text_.pop_back();
}

void PassphraseEntry::toggle_shown() { shown_ = !shown_; }

void PassphraseEntry::wipe() {
    wipe_pin(text_);
    page_ = Page::Letters;
    shifted_ = false;
    shown_ = false;
}

}  // namespace selfcheck
