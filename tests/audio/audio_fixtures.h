#pragma once
// Clips and messages for the audio tests: tones of known length and level written with
// libsndfile, the shipped content and compiled locales, raw output of SDL's disk driver.
#include "kiosk/audio/clip_catalog.h"
#include "kiosk/audio/clip_file.h"
#include "kiosk/audio/clip_manifest.h"
#include "protocol/content/content.h"
#include "protocol/content/content_messages.h"
#include "protocol/content/messages.h"
#include "protocol/time/dates.h"

#include <sndfile.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace selfcheck::testing {

// A sine of `seconds` at `amplitude` (linear), with `pad` seconds of silence either side.
inline audio::MonoClip tone(double seconds, float amplitude = 0.3f, double pad = 0, int rate = 22050) {
    audio::MonoClip clip;
    clip.rate = rate;
    const size_t padding = size_t(pad * rate);
    const size_t n = size_t(seconds * rate);
    clip.samples.assign(padding, 0.0f);
    for (size_t i = 0; i < n; ++i)
        clip.samples.push_back(amplitude * float(std::sin(2 * M_PI * 440.0 * double(i) / rate)));
    clip.samples.insert(clip.samples.end(), padding, 0.0f);
    return clip;
}

// Writes `clip` in a format libsndfile names (SF_FORMAT_WAV | SF_FORMAT_PCM_16, ...).
inline void write_clip(const std::filesystem::path& file, const audio::MonoClip& clip, int format) {
    std::filesystem::create_directories(file.parent_path());
    SF_INFO info{};
    info.samplerate = clip.rate;
    info.channels = 1;
    info.format = format;
    SNDFILE* sf = sf_open(file.c_str(), SFM_WRITE, &info);
    if (!sf) throw std::runtime_error(file.string() + ": " + sf_strerror(nullptr));
    for (size_t at = 0; at < clip.samples.size(); at += 4096)
        sf_writef_float(sf, clip.samples.data() + at, sf_count_t(std::min<size_t>(4096, clip.samples.size() - at)));
    sf_close(sf);
}

inline void write_wav(const std::filesystem::path& file, const audio::MonoClip& clip) {
    write_clip(file, clip, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
}

// A clip in the format its extension names: .wav, .flac, .ogg (Vorbis) or .opus (at 48 kHz).
inline void write_clip_as(const std::filesystem::path& file, double seconds) {
    const std::string ext = file.extension().string();
    if (ext == ".opus") return write_clip(file, tone(seconds, 0.3f, 0, 48000), SF_FORMAT_OGG | SF_FORMAT_OPUS);
    const int format = ext == ".flac"  ? SF_FORMAT_FLAC | SF_FORMAT_PCM_16
                       : ext == ".ogg" ? SF_FORMAT_OGG | SF_FORMAT_VORBIS
                                       : SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    write_clip(file, tone(seconds), format);
}

// The shipped content with its compiled messages, as the kiosk loads them.
struct ShippedMessages {
    Content content = load_content(std::filesystem::path(SELFCHECK_SOURCE_DIR) / "content");
    Messages messages{std::filesystem::path(SELFCHECK_BINARY_DIR) / "locales"};
    ShippedMessages() { messages.set_shared_args(content_args(content, hong_kong_today())); }  // as the kiosk
};

inline const std::vector<std::string> kLocales{"id", "fil", "en", "zh_Hant_HK"};

// Puts a tone clip of `seconds` at <root>/<locale>/<key><ext>, listed in texts.tsv as
// saying what the message shows now.
inline std::filesystem::path add_clip(const Messages& messages, const std::filesystem::path& root,
                                      const std::string& locale, const std::string& key, double seconds,
                                      const std::string& ext = ".ogg") {
    const auto file = root / locale / (key + ext);
    write_clip_as(file, seconds);
    audio::ClipManifest manifest = audio::ClipManifest::load(root / locale / audio::kManifestFile);
    manifest.set(key, {messages.text(locale, key), "test"});
    manifest.save(root / locale / audio::kManifestFile);
    return file;
}

// SDL's disk audio driver for the sound of one test: what the device plays goes to `file`,
// at the pace a real device would take it.
inline void use_disk_audio(const std::filesystem::path& file) {
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", file.c_str(), 1);
}

// Waits until `done()` or the time is up; returns done().
template <typename Done>
bool wait_until(Done done, std::chrono::milliseconds limit = std::chrono::milliseconds(10000)) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (!done() && std::chrono::steady_clock::now() < end) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return done();
}

// What SDL's disk driver wrote: interleaved stereo 16-bit frames.
struct DiskOutput {
    std::vector<int16_t> samples;
    int rate = 48000;

    explicit DiskOutput(const std::filesystem::path& file) {
        std::ifstream in(file, std::ios::binary);
        in.seekg(0, std::ios::end);
        samples.resize(size_t(in.tellg()) / sizeof(int16_t));
        in.seekg(0);
        in.read(reinterpret_cast<char*>(samples.data()), std::streamsize(samples.size() * sizeof(int16_t)));
    }
    size_t frames() const { return samples.size() / 2; }
    bool audible(size_t frame) const { return samples[2 * frame] != 0 || samples[2 * frame + 1] != 0; }
    // First and one past the last audible frame; {0, 0} when all silent.
    std::pair<size_t, size_t> audible_span() const {
        size_t first = 0, last = frames();
        while (first < frames() && !audible(first)) ++first;
        while (last > first && !audible(last - 1)) --last;
        return first == last ? std::pair<size_t, size_t>{0, 0} : std::pair<size_t, size_t>{first, last};
    }
    double audible_seconds() const {
        const auto [first, last] = audible_span();
        return double(last - first) / rate;
    }
    int peak() const {
        int peak = 0;
        for (const int16_t s : samples) peak = std::max(peak, std::abs(int(s)));
        return peak;
    }
};

}  // namespace selfcheck::testing
