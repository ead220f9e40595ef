// Every clip plays at EBU R128's level with its true peak under the ceiling, and silence is
// trimmed from its ends only.
#include "kiosk/audio/loudness.h"

#include "kiosk/audio/audio_error.h"
#include "tests/audio/audio_fixtures.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using namespace selfcheck::audio;

TEST_CASE("a quiet and a loud clip both come out at -23 LUFS", "[loudness]") {
    for (const float amplitude : {0.01f, 0.5f}) {
        MonoClip clip = testing::tone(2.0, amplitude);
        const double before = measure_loudness(clip).integrated_lufs;
        const double gain = normalise_loudness(clip);
        CHECK(gain == Approx(kTargetLoudnessLufs - before).margin(0.01));
        CHECK(measure_loudness(clip).integrated_lufs == Approx(kTargetLoudnessLufs).margin(0.2));
    }
}

TEST_CASE("a peaky clip is held under the true-peak ceiling instead", "[loudness]") {
    // A click train: almost no loudness, but full-scale peaks.
    MonoClip clip;
    clip.rate = 22050;
    clip.samples.assign(22050 * 2, 0.0f);
    for (size_t i = 0; i < clip.samples.size(); i += 2205) clip.samples[i] = 0.9f;
    normalise_loudness(clip);
    const Loudness after = measure_loudness(clip);
    CHECK(after.true_peak_dbtp <= kMaxTruePeakDbtp + 0.05);
    CHECK(after.integrated_lufs < kTargetLoudnessLufs);
}

TEST_CASE("a word shorter than R128's 400 ms block is measured, not taken for silence", "[loudness]") {
    MonoClip word = testing::tone(0.25, 0.1f);
    CHECK(std::isfinite(measure_loudness(word).integrated_lufs));
    normalise_loudness(word);
    CHECK(measure_loudness(word).integrated_lufs == Approx(kTargetLoudnessLufs).margin(0.5));
}

TEST_CASE("silence cannot be normalised", "[loudness]") {
    MonoClip silent;
    silent.rate = 22050;
    silent.samples.assign(22050, 0.0f);
    CHECK_THROWS_AS(normalise_loudness(silent), AudioError);
    CHECK_THROWS_AS(measure_loudness(MonoClip{}), AudioError);
}

TEST_CASE("trimming cuts the silence at both ends and keeps a short margin", "[loudness]") {
    MonoClip clip = testing::tone(1.0, 0.3f, 1.0);  // 1 s of silence, 1 s of tone, 1 s of silence
    // A room's hum under it, 50 dB below the tone.
    for (size_t i = 0; i < clip.samples.size(); ++i) clip.samples[i] += (i % 2 ? 0.001f : -0.001f);
    trim_silence(clip, 0.15);
    CHECK(clip.seconds() == Approx(1.3).margin(0.02));
    MonoClip speech_only = testing::tone(1.0);
    trim_silence(speech_only, 0.15);
    CHECK(speech_only.seconds() == Approx(1.0).margin(0.01));  // nothing to cut
}
