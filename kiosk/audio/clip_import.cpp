#include "kiosk/audio/clip_import.h"

#include "kiosk/audio/audio_error.h"
#include "kiosk/audio/clip_manifest.h"
#include "kiosk/audio/loudness.h"
#include "kiosk/audio/spoken_messages.h"

#include <algorithm>
#include <cstdio>

namespace selfcheck::audio {

namespace {

// Recordings of NGO voices keep more detail than the machine's: level 0.6 is about Vorbis
// quality 4 (roughly 64 kbit/s at 44.1 kHz mono).
constexpr double kVorbisLevel = 0.6;

std::string seconds_text(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", seconds);
    return text;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

std::string recording_name_problem(const RecordingTargets& targets, const std::string& locale, const std::string& key) {
    if (!contains(targets.locales, locale)) return "the form has no language '" + locale + "'";
    if (!contains(targets.keys, key)) return "no spoken message '" + key + "'";
    const std::vector<std::string>& args = run_time_arguments(key);
    if (!args.empty())
        return "'" + key + "' says {" + args.front() +
               "}, known only at run time: a recording cannot say it, so the machine voice reads it";
    if (!targets.messages.has(locale, key)) return "'" + key + "' has no text in '" + locale + "'";
    return {};
}

StoredRecording store_recording(MonoClip clip, const RecordingTargets& targets, const std::filesystem::path& into,
                                const std::string& locale, const std::string& key) {
    if (const std::string problem = recording_name_problem(targets, locale, key); !problem.empty())
        throw AudioError(problem);
    trim_silence(clip);
    if (clip.seconds() < kMinRecordingSeconds)
        throw AudioError("too short after trimming silence (" + seconds_text(clip.seconds()) + "): is it empty?");
    if (clip.seconds() > kMaxRecordingSeconds)
        throw AudioError("too long (" + seconds_text(clip.seconds()) + "; at most " +
                         seconds_text(kMaxRecordingSeconds) + ")");
    StoredRecording stored;
    try {
        stored.gain_db = normalise_loudness(clip);
    } catch (const AudioError&) {
        throw AudioError("silent: nothing to hear");
    }
    stored.seconds = clip.seconds();
    const std::filesystem::path dir = into / locale;
    stored.file = dir / (key + ".ogg");
    write_vorbis_clip(stored.file, clip, kVorbisLevel);
    std::error_code ec;
    for (const std::string& ext : clip_extensions())
        if (ext != ".ogg") std::filesystem::remove(dir / (key + ext), ec);
    ClipManifest manifest = ClipManifest::load(dir / kManifestFile);
    manifest.set(key, {targets.messages.text(locale, key), "recorded"});
    manifest.save(dir / kManifestFile);
    return stored;
}

ImportReport import_recordings(const std::filesystem::path& dir, const RecordingTargets& targets,
                               const std::filesystem::path& into) {
    ImportReport report;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        report.refused.push_back({dir.string(), "not a directory (expected DIR/<locale>/<message key>.wav ...)"});
        return report;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        const std::filesystem::path relative = std::filesystem::relative(file, dir);
        const auto refuse = [&](const std::string& why) { report.refused.push_back({file.string(), why}); };
        if (std::distance(relative.begin(), relative.end()) != 2) {
            refuse("expected DIR/<locale>/<message key>.<flac|wav|ogg|opus>");
            continue;
        }
        const std::string locale = relative.begin()->string();
        const std::string key = file.stem().string();
        const auto& exts = clip_extensions();
        if (!contains(exts, file.extension().string())) {
            refuse("not a WAV, FLAC, Ogg Vorbis or Opus file name (.wav, .flac, .ogg, .opus)");
            continue;
        }
        if (const std::string problem = recording_name_problem(targets, locale, key); !problem.empty()) {
            refuse(problem);
            continue;
        }
        try {
            report.imported.push_back(store_recording(read_mono_clip(file), targets, into, locale, key));
        } catch (const AudioError& e) {
            std::string why = e.what();
            const std::string prefix = file.string() + ": ";
            refuse(why.rfind(prefix, 0) == 0 ? why.substr(prefix.size()) : why);
        }
    }
    return report;
}

}  // namespace selfcheck::audio
