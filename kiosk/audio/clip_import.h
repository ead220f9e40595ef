#pragma once
// Recordings brought in by the NGO (kiosk-audio import, kiosk-audio record): the name must
// be a spoken message of a form language, the file audio libsndfile decodes, the length
// sensible; then silence is trimmed, loudness set to EBU R128, and the clip kept as Ogg
// Vorbis with the text it says in texts.tsv, so it stops playing the day that text changes.
#include "kiosk/audio/clip_catalog.h"
#include "kiosk/audio/clip_file.h"

#include <filesystem>
#include <string>
#include <vector>

namespace selfcheck::audio {

inline constexpr double kMinRecordingSeconds = 0.3;  // after trimming: anything shorter is no word
inline constexpr double kMaxRecordingSeconds = 120;  // the longest message reads in under a minute

// What the kiosk knows to ask for: its spoken messages in its languages.
struct RecordingTargets {
    const Messages& messages;
    std::vector<std::string> keys;
    std::vector<std::string> locales;
};

// Why `locale`/`key` cannot have a recording, or empty when it can.
std::string recording_name_problem(const RecordingTargets& targets, const std::string& locale, const std::string& key);

struct StoredRecording {
    std::filesystem::path file;
    double seconds = 0;
    double gain_db = 0;  // applied to reach the target loudness
};

// Trims, normalises and writes <into>/<locale>/<key>.ogg, replacing any other recording of
// that message, and records the message's current text. Throws AudioError naming the
// problem: a wrong name, a clip too short or too long, a silent one.
StoredRecording store_recording(MonoClip clip, const RecordingTargets& targets, const std::filesystem::path& into,
                                const std::string& locale, const std::string& key);

struct ImportReport {
    std::vector<StoredRecording> imported;
    std::vector<AudioProblem> refused;  // where: the file given; message: why
};

// Every file under DIR/<locale>/: each one that passes is stored; each that does not is
// named with its reason, and nothing of it is kept.
ImportReport import_recordings(const std::filesystem::path& dir, const RecordingTargets& targets,
                               const std::filesystem::path& into);

}  // namespace selfcheck::audio
