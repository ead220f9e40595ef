#include "kiosk/audio/loudness.h"

#include "kiosk/audio/audio_error.h"

#include <ebur128.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace selfcheck::audio {

namespace {

// A true peak lies at most about 3 dB above the sample peak at these rates; only a clip whose
// sample peak comes that close to the ceiling pays for measuring it (4x oversampling, which
// otherwise doubles the build's synthesis time).
constexpr double kTruePeakMarginDb = 3.0;

struct Measured {
    double integrated_lufs;
    double peak_db;
};

Measured measure(const MonoClip& given, bool true_peak) {
    if (given.samples.empty() || given.rate <= 0) throw AudioError("loudness: the clip holds no samples");
    // R128 gates 400 ms blocks, so a word shorter than that ("Ya") would measure as silence:
    // such a clip is measured repeated to a second, which keeps its loudness.
    MonoClip repeated;
    const MonoClip* measured = &given;
    if (given.samples.size() < size_t(given.rate)) {
        repeated.rate = given.rate;
        while (repeated.samples.size() < size_t(given.rate))
            repeated.samples.insert(repeated.samples.end(), given.samples.begin(), given.samples.end());
        measured = &repeated;
    }
    const MonoClip& clip = *measured;
    const int peak_mode = true_peak ? EBUR128_MODE_TRUE_PEAK : EBUR128_MODE_SAMPLE_PEAK;
    std::unique_ptr<ebur128_state, void (*)(ebur128_state*)> state(
        ebur128_init(1, unsigned(clip.rate), EBUR128_MODE_I | peak_mode),
        [](ebur128_state* s) { ebur128_destroy(&s); });
    if (!state) throw AudioError("loudness: libebur128 refused a clip at " + std::to_string(clip.rate) + " Hz");
    if (ebur128_add_frames_float(state.get(), clip.samples.data(), clip.samples.size()) != EBUR128_SUCCESS)
        throw AudioError("loudness: libebur128 could not measure the clip");
    Measured result{};
    double peak = 0;
    const int peak_status =
        true_peak ? ebur128_true_peak(state.get(), 0, &peak) : ebur128_sample_peak(state.get(), 0, &peak);
    if (ebur128_loudness_global(state.get(), &result.integrated_lufs) != EBUR128_SUCCESS ||
        peak_status != EBUR128_SUCCESS)
        throw AudioError("loudness: libebur128 could not measure the clip");
    result.peak_db = peak > 0 ? 20 * std::log10(peak) : -HUGE_VAL;
    return result;
}

}  // namespace

Loudness measure_loudness(const MonoClip& clip) {
    const Measured m = measure(clip, true);
    return {m.integrated_lufs, m.peak_db};
}

double normalise_loudness(MonoClip& clip) {
    const Measured before = measure(clip, false);
    if (!std::isfinite(before.integrated_lufs)) throw AudioError("loudness: the clip is silent");
    double gain_db = kTargetLoudnessLufs - before.integrated_lufs;
    if (before.peak_db + gain_db > kMaxTruePeakDbtp - kTruePeakMarginDb)
        gain_db = std::min(gain_db, kMaxTruePeakDbtp - measure(clip, true).peak_db);
    const float gain = float(std::pow(10.0, gain_db / 20));
    for (float& s : clip.samples) s = std::clamp(s * gain, -1.0f, 1.0f);
    return gain_db;
}

void trim_silence(MonoClip& clip, double margin_seconds) {
    const size_t window = std::max<size_t>(1, size_t(clip.rate / 100));
    const size_t windows = clip.samples.size() / window;
    if (windows == 0) return;
    std::vector<double> level(windows);
    double loudest = 0;
    for (size_t w = 0; w < windows; ++w) {
        double sum = 0;
        for (size_t i = w * window; i < (w + 1) * window; ++i) sum += double(clip.samples[i]) * clip.samples[i];
        level[w] = std::sqrt(sum / double(window));
        loudest = std::max(loudest, level[w]);
    }
    const double threshold = std::max(loudest * std::pow(10.0, -35.0 / 20), std::pow(10.0, -70.0 / 20));
    size_t first = 0, last = windows;
    while (first < windows && level[first] <= threshold) ++first;
    while (last > first && level[last - 1] <= threshold) --last;
    if (first == last) return;  // all silence: normalise_loudness says so
    const size_t margin = size_t(margin_seconds * clip.rate);
    const size_t begin = first * window > margin ? first * window - margin : 0;
    const size_t end = std::min(clip.samples.size(), last * window + margin);
    clip.samples = std::vector<float>(clip.samples.begin() + long(begin), clip.samples.begin() + long(end));
}

}  // namespace selfcheck::audio
