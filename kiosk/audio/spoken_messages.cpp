#include "kiosk/audio/spoken_messages.h"

#include "protocol/content/content_validator.h"

#include <set>

namespace selfcheck::audio {

std::vector<std::string> spoken_message_keys(const Content& content) {
    std::set<std::string> keys;
    for (const std::string& key : content_message_keys(content)) keys.insert(key);
    for (const auto& [key, args] : chrome_messages())
        if (key.rfind("staff.", 0) != 0) keys.insert(key);
    return {keys.begin(), keys.end()};
}

const std::vector<std::string>& run_time_arguments(const std::string& key) {
    static const std::vector<std::string> none;
    const auto& chrome = chrome_messages();
    const auto it = chrome.find(key);
    return it == chrome.end() ? none : it->second;
}

}  // namespace selfcheck::audio
