#pragma once
// Cross-checks between the form and the message bundles, run by `kiosk-content validate` and
// by the kiosk at start (it refuses to show a broken form).
#include "form.h"
#include "messages.h"

#include <string>
#include <vector>

namespace selfcheck {

// Message keys the UI chrome needs in every language, whatever the form.
const std::vector<std::string>& chrome_message_keys();

// Every message key the form refers to (question texts, help, answers, section titles).
std::vector<std::string> form_message_keys(const Form& form);

struct MissingMessage {
    std::string locale;
    std::string key;
};

// Keys (chrome + form) missing from each of the form's languages.
std::vector<MissingMessage> find_missing_messages(const Form& form, const Messages& messages);

}  // namespace selfcheck
