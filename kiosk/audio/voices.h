#pragma once
// Which machine voice (espeak-ng) speaks each kiosk language, and how a shown text is put to
// it. This is the one place for the rule "never read a language with another language's
// voice": a locale not listed here has no machine voice at all, only recordings.
#include <optional>
#include <string>

namespace selfcheck::audio {

// The espeak-ng voice for `locale`: "id", "en", and Cantonese ("yue") for zh_Hant_HK, since
// Hong Kong readers of Chinese speak Cantonese. None for Tagalog (fil): espeak-ng has none.
std::optional<std::string> machine_voice(const std::string& locale);

// The text as the voice must be given it to say what the screen shows. The words are the
// screen's; only what the voice would misread is rewritten (yue reads "1,236" as "1" then
// "236", and says "%" in English: so digit-group commas go and "10%" becomes "百分之10").
std::string text_for_voice(const std::string& locale, const std::string& shown_text);

// A phone number said digit by digit, with a pause where the number has a space
// ("+852 2157 9537" -> "8 5 2, 2 1 5 7, 9 5 3 7"); voices otherwise say "two thousand ...".
std::string digits_for_voice(const std::string& number);

}  // namespace selfcheck::audio
