#pragma once
// What a screen hands over to be read: its messages in the order shown, each with the
// run-time arguments the screen formats it with, so she hears the same words she reads.
#include "protocol/content/messages.h"

#include <string>
#include <vector>

namespace selfcheck::audio {

struct SpokenPart {
    std::string key;     // a message key, formatted like the screen formats it ...
    MessageArgs args;    // ... with these run-time arguments (the content's constants are added)
    std::string number;  // or, with no key, a phone number, read digit by digit

    static SpokenPart message(std::string key, MessageArgs args = {}) { return {std::move(key), std::move(args), {}}; }
    static SpokenPart phone_number(std::string number) { return {{}, {}, std::move(number)}; }
};

using Utterance = std::vector<SpokenPart>;

// The text a machine voice is given for `part` in `locale`: the message formatted exactly as
// the screen formats it (Messages, ICU MessageFormat, the content's constants), then put to
// the voice (voices.h). Throws MessageError when the message is missing or cannot be formatted.
std::string speech_text(const Messages& messages, const std::string& locale, const SpokenPart& part);

}  // namespace selfcheck::audio
