#include "kiosk/audio/recorder.h"

#include "kiosk/audio/audio_error.h"

#include <SDL.h>

#include <cmath>

namespace selfcheck::audio {

namespace {

constexpr double kSpeechRms = 0.018;  // -35 dBFS: a voice near the microphone
constexpr double kQuietRms = 0.0056;  // -45 dBFS: a room with no one speaking

}  // namespace

Recorder::Recorder() {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
        throw AudioError(std::string("audio: SDL found no audio driver: ") + SDL_GetError());
}

Recorder::~Recorder() { SDL_QuitSubSystem(SDL_INIT_AUDIO); }

MonoClip Recorder::record(const std::function<bool()>& stop_requested, const Options& options) const {
    SDL_AudioSpec want{};
    want.freq = options.rate;
    want.format = AUDIO_F32SYS;
    want.channels = 1;
    want.samples = 1024;
    SDL_AudioSpec have{};
    const SDL_AudioDeviceID device = SDL_OpenAudioDevice(nullptr, 1, &want, &have, 0);
    if (device == 0) throw AudioError(std::string("audio: cannot open a microphone: ") + SDL_GetError());
    SDL_PauseAudioDevice(device, 0);

    MonoClip clip;
    clip.rate = options.rate;
    const size_t window = size_t(options.rate / 50);  // 20 ms
    size_t checked = 0;
    bool spoken = false;
    size_t quiet_windows = 0;
    std::vector<float> buffer(4096);
    while (!stop_requested() && clip.seconds() < options.max_seconds) {
        const Uint32 got = SDL_DequeueAudio(device, buffer.data(), Uint32(buffer.size() * sizeof(float)));
        if (got == 0) {
            SDL_Delay(10);
            continue;
        }
        clip.samples.insert(clip.samples.end(), buffer.begin(), buffer.begin() + long(got / sizeof(float)));
        for (; checked + window <= clip.samples.size(); checked += window) {
            double sum = 0;
            for (size_t i = checked; i < checked + window; ++i) sum += double(clip.samples[i]) * clip.samples[i];
            const double rms = std::sqrt(sum / double(window));
            if (rms > kSpeechRms) spoken = true;
            quiet_windows = rms < kQuietRms ? quiet_windows + 1 : 0;
        }
        if (spoken && double(quiet_windows * window) / options.rate >= options.stop_after_quiet) break;
    }
    SDL_CloseAudioDevice(device);
    return clip;
}

}  // namespace selfcheck::audio
