#pragma once
// Loudness by EBU R128 (libebur128), so every clip, recorded or synthesised, plays at one
// level and none startles her in the headphones; and silence trimmed from a clip's ends.
#include "kiosk/audio/clip_file.h"

namespace selfcheck::audio {

inline constexpr double kTargetLoudnessLufs = -23.0;  // EBU R128's programme level
inline constexpr double kMaxTruePeakDbtp = -1.0;      // R128's ceiling for true peaks

struct Loudness {
    double integrated_lufs;  // -inf for silence
    double true_peak_dbtp;
};

// Throws AudioError for a clip libebur128 cannot measure (no samples, bad rate).
Loudness measure_loudness(const MonoClip& clip);

// Scales the clip to the target loudness, or less where its true peak would pass the ceiling.
// Returns the gain applied, in dB. Throws AudioError for a silent clip.
double normalise_loudness(MonoClip& clip);

// Cuts leading and trailing silence, keeping `margin_seconds` of it at each end. Silence is
// a run of 10 ms windows 35 dB below the loudest one (a room's hum under a voice included).
void trim_silence(MonoClip& clip, double margin_seconds = 0.15);

}  // namespace selfcheck::audio
