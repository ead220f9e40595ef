#include "kiosk/audio/utterance.h"

#include "kiosk/audio/voices.h"

namespace selfcheck::audio {

std::string speech_text(const Messages& messages, const std::string& locale, const SpokenPart& part) {
    if (part.key.empty()) return digits_for_voice(part.number);
    const std::string shown =
        part.args.empty() ? messages.text(locale, part.key) : messages.format(locale, part.key, part.args);
    return text_for_voice(locale, shown);
}

}  // namespace selfcheck::audio
