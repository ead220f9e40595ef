#include "kiosk/audio/speech_synth.h"

#include "kiosk/audio/audio_error.h"

#include <espeak-ng/speak_lib.h>

#include <mutex>

namespace selfcheck::audio {

namespace {

std::mutex& espeak_mutex() {
    static std::mutex mutex;
    return mutex;
}
int sample_rate = 0;  // what espeak_Initialize returned; 0 until the first SpeechSynth
std::string current_voice;

using Sink = std::function<bool(const int16_t*, size_t)>;

const Sink* active_sink = nullptr;  // the sink of the sentence being said (under the mutex)

int on_samples(short* samples, int count, espeak_EVENT*) {
    if (!active_sink || !samples || count <= 0) return 0;
    return (*active_sink)(reinterpret_cast<const int16_t*>(samples), size_t(count)) ? 0 : 1;  // 1: abort
}

}  // namespace

// espeak-ng is started once and kept for the life of the process: espeak_Terminate() followed
// by a second espeak_Initialize() hangs in espeak-ng 1.51 (its threads wait on each other).
SpeechSynth::SpeechSynth() {
    std::lock_guard<std::mutex> lock(espeak_mutex());
    if (sample_rate == 0) {
        const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 40, nullptr, espeakINITIALIZE_DONT_EXIT);
        if (rate <= 0) throw AudioError("espeak-ng: cannot start (is espeak-ng-data installed?)");
        sample_rate = rate;
        espeak_SetSynthCallback(on_samples);
        espeak_SetParameter(espeakRATE, kSpeechRateWpm, 0);
    }
    rate_ = sample_rate;
}

SpeechSynth::~SpeechSynth() = default;

std::string SpeechSynth::version() const {
    const char* data = nullptr;
    return std::string("espeak-ng ") + espeak_Info(&data);
}

void SpeechSynth::speak(const std::string& voice, const std::string& text, const Sink& sink) {
    std::lock_guard<std::mutex> lock(espeak_mutex());
    if (voice != current_voice) {
        if (espeak_SetVoiceByName(voice.c_str()) != EE_OK) throw AudioError("espeak-ng: no voice '" + voice + "'");
        espeak_SetParameter(espeakRATE, kSpeechRateWpm, 0);
        current_voice = voice;
    }
    active_sink = &sink;
    const espeak_ERROR result =
        espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
    active_sink = nullptr;
    if (result != EE_OK) throw AudioError("espeak-ng: could not say \"" + text + "\" in voice '" + voice + "'");
}

MonoClip SpeechSynth::speak(const std::string& voice, const std::string& text) {
    MonoClip clip;
    clip.rate = rate_;
    speak(voice, text, [&](const int16_t* samples, size_t count) {
        for (size_t i = 0; i < count; ++i) clip.samples.push_back(float(samples[i]) / 32768.0f);
        return true;
    });
    return clip;
}

}  // namespace selfcheck::audio
