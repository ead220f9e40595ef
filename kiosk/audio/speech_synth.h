#pragma once
// A machine voice (libespeak-ng): the same code makes the clips at build time and says, at
// run time, what has no clip (a countdown, a typed amount, a phone number). espeak-ng keeps
// one global state per process, started by the first SpeechSynth and kept until exit (about
// 2 MB); every SpeechSynth shares it, one sentence at a time.
#include "kiosk/audio/clip_file.h"

#include <cstdint>
#include <functional>
#include <string>

namespace selfcheck::audio {

// Slower than espeak-ng's 175 words a minute: many who listen read little and hear Hong
// Kong terms for the first time.
inline constexpr int kSpeechRateWpm = 150;

class SpeechSynth {
public:
    // Throws AudioError when espeak-ng or its data (espeak-ng-data) cannot be loaded.
    SpeechSynth();
    ~SpeechSynth();
    SpeechSynth(const SpeechSynth&) = delete;
    SpeechSynth& operator=(const SpeechSynth&) = delete;

    int rate() const { return rate_; }  // samples a second, mono 16-bit
    // "espeak-ng 1.51", recorded with each clip so a new espeak-ng remakes them.
    std::string version() const;

    // Says `text` in `voice`, handing the samples to `sink` as they are made (about every
    // 40 ms of speech); `sink` returns false to stop, and must not throw (it is called from
    // inside espeak-ng). Throws AudioError for an unknown voice.
    void speak(const std::string& voice, const std::string& text,
               const std::function<bool(const int16_t* samples, size_t count)>& sink);
    MonoClip speak(const std::string& voice, const std::string& text);

private:
    int rate_ = 0;
};

}  // namespace selfcheck::audio
