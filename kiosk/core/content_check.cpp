#include "content_check.h"

#include <set>

namespace selfcheck {

const std::vector<std::string>& chrome_message_keys() {
    static const std::vector<std::string> keys{
        "app.title", "welcome.prompt", "nav.quick_exit", "nav.back", "nav.progress",
        "thanks.title", "thanks.body", "thanks.finish"};
    return keys;
}

std::vector<std::string> form_message_keys(const Form& form) {
    std::set<std::string> keys;
    for (const auto& section : form.sections) keys.insert(section.title_key);
    for (const auto& q : form.questions) {
        keys.insert(q.text_key);
        if (!q.help_key.empty()) keys.insert(q.help_key);
        for (const auto& option : q.options) keys.insert(option.text_key);
    }
    return {keys.begin(), keys.end()};
}

std::vector<MissingMessage> find_missing_messages(const Form& form, const Messages& messages) {
    std::vector<std::string> keys = chrome_message_keys();
    for (auto& key : form_message_keys(form)) keys.push_back(std::move(key));
    std::vector<MissingMessage> missing;
    for (const auto& language : form.languages) {
        std::vector<std::string> present_list;
        try {
            present_list = messages.keys(language.locale);
        } catch (const MessageError&) {
            missing.push_back({language.locale, "(the whole bundle)"});
            continue;
        }
        const std::set<std::string> present(present_list.begin(), present_list.end());
        for (const auto& key : keys)
            if (!present.count(key)) missing.push_back({language.locale, key});
    }
    return missing;
}

}  // namespace selfcheck
