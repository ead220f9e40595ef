#include "kiosk/audio/voices.h"

#include <map>
#include <regex>

namespace selfcheck::audio {

std::optional<std::string> machine_voice(const std::string& locale) {
    static const std::map<std::string, std::string> voices{{"id", "id"}, {"en", "en"}, {"zh_Hant_HK", "yue"}};
    const auto it = voices.find(locale);
    if (it == voices.end()) return std::nullopt;
    return it->second;
}

std::string text_for_voice(const std::string& locale, const std::string& shown_text) {
    if (machine_voice(locale) != std::optional<std::string>("yue")) return shown_text;
    static const std::regex group_comma("([0-9]),([0-9]{3})");
    static const std::regex percent("([0-9][0-9.]*)\\s*[%％]");
    std::string text = shown_text;
    // Repeated, since each pass consumes the digit before a comma (1,234,567).
    for (std::string before; before != text;) {
        before = text;
        text = std::regex_replace(text, group_comma, "$1$2");
    }
    return std::regex_replace(text, percent, "百分之$1");
}

std::string digits_for_voice(const std::string& number) {
    std::string out;
    bool pause = false;
    for (const char c : number) {
        if (c >= '0' && c <= '9') {
            if (!out.empty()) out += pause ? ", " : " ";
            out += c;
            pause = false;
        } else if (c == ' ' || c == '-') {
            pause = !out.empty();
        }
    }
    return out;
}

}  // namespace selfcheck::audio
