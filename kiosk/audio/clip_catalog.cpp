#include "kiosk/audio/clip_catalog.h"

#include "kiosk/audio/audio_error.h"
#include "kiosk/audio/clip_file.h"
#include "kiosk/audio/clip_manifest.h"
#include "kiosk/audio/spoken_messages.h"
#include "kiosk/audio/voices.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace selfcheck::audio {

const char* to_string(ClipSource source) {
    switch (source) {
    case ClipSource::Recorded: return "recorded";
    case ClipSource::Synthesised: return "synthesised";
    case ClipSource::RunTime: return "synthesised at run time";
    case ClipSource::None: return "missing";
    }
    return "?";
}

std::string describe(const AudioProblem& p) { return "warning: " + p.where + ": " + p.message; }

double LocaleCoverage::percent() const {
    return messages ? 100.0 * double(recorded + synthesised + run_time) / double(messages) : 100.0;
}

std::string describe(const LocaleCoverage& c) {
    char percent[16];
    std::snprintf(percent, sizeof percent, "%.1f%%", c.percent());
    std::string line = c.locale + " " + percent + " (" + std::to_string(c.recorded) + " recorded, " +
                       std::to_string(c.synthesised) + " synthesised, " + std::to_string(c.run_time) +
                       " at run time, " + std::to_string(c.missing) + " missing)";
    if (!c.machine_voice) line += ", no machine voice";
    return line;
}

namespace {

// The clips in a directory by message key, and every other file found there.
struct DirectoryScan {
    std::map<std::string, std::vector<std::filesystem::path>> clips;
    std::vector<std::filesystem::path> strays;
};

DirectoryScan scan_directory(const std::filesystem::path& dir) {
    DirectoryScan scan;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return scan;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::filesystem::path& path = entry.path();
        const std::string name = path.filename().string();
        if (name == kManifestFile || name.rfind("README", 0) == 0) continue;
        const auto& exts = clip_extensions();
        const std::string ext = path.extension().string();
        if (entry.is_regular_file(ec) && std::find(exts.begin(), exts.end(), ext) != exts.end())
            scan.clips[path.stem().string()].push_back(path);
        else
            scan.strays.push_back(path);
    }
    // The order clip_extensions() gives, so the same file wins on every machine.
    for (auto& [key, files] : scan.clips)
        std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
            const auto& exts = clip_extensions();
            return std::find(exts.begin(), exts.end(), a.extension().string()) <
                   std::find(exts.begin(), exts.end(), b.extension().string());
        });
    std::sort(scan.strays.begin(), scan.strays.end());
    return scan;
}

ClipManifest load_manifest(const std::filesystem::path& dir, std::vector<AudioProblem>& problems) {
    try {
        return ClipManifest::load(dir / kManifestFile);
    } catch (const AudioError& e) {
        problems.push_back({(dir / kManifestFile).string(), std::string(e.what()) + "; its clips are not used"});
        return {};
    }
}

// The reason a clip cannot be decoded, or empty when it can.
std::string unreadable(const std::filesystem::path& file) {
    try {
        ClipReader reader(file);
        if (reader.seconds() <= 0) return "holds no samples";
        return {};
    } catch (const AudioError& e) {
        std::string why = e.what();
        const std::string prefix = file.string() + ": ";
        return why.rfind(prefix, 0) == 0 ? why.substr(prefix.size()) : why;
    }
}

}  // namespace

ClipCatalog::ClipCatalog(const Messages& messages, const std::vector<std::string>& keys,
                         const std::vector<std::string>& locales, ClipDirs dirs, Check check)
    : dirs_(std::move(dirs)), keys_(keys) {
    for (const std::string& locale : locales) scan_locale(messages, locale, check);
    std::error_code ec;
    if (std::filesystem::is_directory(dirs_.recorded, ec))
        for (const auto& entry : std::filesystem::directory_iterator(dirs_.recorded, ec))
            if (entry.is_directory() &&
                std::find(locales.begin(), locales.end(), entry.path().filename()) == locales.end())
                problems_.push_back(
                    {entry.path().string(),
                     "the form has no language '" + entry.path().filename().string() + "': its clips are not used"});
}

void ClipCatalog::scan_locale(const Messages& messages, const std::string& locale, Check check) {
    const std::filesystem::path recorded_dir = dirs_.recorded / locale;
    const std::filesystem::path synthesised_dir = dirs_.synthesised / locale;
    const ClipManifest recorded_texts = load_manifest(recorded_dir, problems_);
    const ClipManifest synthesised_texts = load_manifest(synthesised_dir, problems_);
    const DirectoryScan recorded = scan_directory(recorded_dir);
    const bool has_voice = machine_voice(locale).has_value();
    std::error_code ec;
    const bool synthesised_dir_exists = std::filesystem::is_directory(synthesised_dir, ec);
    if (has_voice && !synthesised_dir_exists)
        problems_.push_back(
            {synthesised_dir.string(), "no synthesised clips (the build makes them: target audio_clips)"});

    for (const auto& stray : recorded.strays)
        problems_.push_back({stray.string(), "not a clip (expected <message key>.flac, .wav, .ogg or .opus)"});
    const std::set<std::string> known(keys_.begin(), keys_.end());
    for (const auto& [key, files] : recorded.clips)
        if (!known.count(key))
            for (const auto& file : files) problems_.push_back({file.string(), "no spoken message '" + key + "'"});

    LocaleCoverage coverage;
    coverage.locale = locale;
    coverage.machine_voice = has_voice;
    auto& choices = choices_[locale];
    for (const std::string& key : keys_) {
        ++coverage.messages;
        ClipChoice chosen;
        static const std::vector<std::filesystem::path> none;
        const auto found = recorded.clips.find(key);
        const std::vector<std::filesystem::path>& recordings = found == recorded.clips.end() ? none : found->second;
        const std::vector<std::string>& run_time_args = run_time_arguments(key);

        if (!run_time_args.empty()) {
            for (const auto& file : recordings)
                problems_.push_back({file.string(), "not used: the message says {" + run_time_args.front() +
                                                        "}, known only at run time, which a recording cannot say"});
            if (has_voice) chosen.source = ClipSource::RunTime;
        } else {
            std::string shown;
            try {
                shown = messages.text(locale, key);
            } catch (const MessageError&) {
                // The content validator reports the missing message; there is nothing to say.
            }
            for (const auto& file : recordings) {
                if (shown.empty()) break;
                if (chosen.source != ClipSource::None) {
                    problems_.push_back({file.string(), "a second recording of '" + key + "'; " +
                                                            chosen.file.filename().string() + " is used"});
                    continue;
                }
                const ClipText* entry = recorded_texts.find(key);
                if (!entry) {
                    problems_.push_back({file.string(), "not in " + std::string(kManifestFile) +
                                                            ", so what it says is not known: bring it in with "
                                                            "'kiosk-audio import'"});
                    continue;
                }
                if (entry->text != shown) {
                    problems_.push_back({file.string(), "says \"" + entry->text + "\" but the screen now shows \"" +
                                                            shown + "\": record it again"});
                    continue;
                }
                if (check == Check::OpenEveryClip)
                    if (const std::string why = unreadable(file); !why.empty()) {
                        problems_.push_back({file.string(), "cannot be played: " + why});
                        continue;
                    }
                chosen = {ClipSource::Recorded, file};
            }
            if (chosen.source == ClipSource::None && has_voice && !shown.empty() && synthesised_dir_exists) {
                const std::filesystem::path file = synthesised_dir / (key + ".ogg");
                const ClipText* entry = synthesised_texts.find(key);
                if (!std::filesystem::exists(file, ec))
                    problems_.push_back({file.string(), "missing (the build synthesises it: target audio_clips)"});
                else if (!entry || entry->text != shown)
                    problems_.push_back(
                        {file.string(), "out of date with the message text (rebuild target audio_clips)"});
                else if (const std::string why = check == Check::OpenEveryClip ? unreadable(file) : ""; !why.empty())
                    problems_.push_back({file.string(), "cannot be played: " + why});
                else
                    chosen = {ClipSource::Synthesised, file};
            }
        }
        switch (chosen.source) {
        case ClipSource::Recorded: ++coverage.recorded; break;
        case ClipSource::Synthesised: ++coverage.synthesised; break;
        case ClipSource::RunTime: ++coverage.run_time; break;
        case ClipSource::None: ++coverage.missing; break;
        }
        choices[key] = std::move(chosen);
    }
    if (!has_voice && coverage.missing > 0)
        problems_.push_back(
            {recorded_dir.string(), "espeak-ng has no voice for '" + locale + "', and no other " +
                                        "language's voice may read it: " + std::to_string(coverage.missing) +
                                        " messages have no recording and no speaker control "
                                        "(kiosk-audio record " +
                                        locale + ")"});
    coverage_.push_back(coverage);
}

ClipChoice ClipCatalog::choice(const std::string& locale, const std::string& key) const {
    const auto by_locale = choices_.find(locale);
    if (by_locale == choices_.end()) return {};
    const auto it = by_locale->second.find(key);
    return it == by_locale->second.end() ? ClipChoice{} : it->second;
}

bool ClipCatalog::speaks_text(const std::string& locale) const {
    return choices_.count(locale) && machine_voice(locale).has_value();
}

}  // namespace selfcheck::audio
