#include "kiosk/audio/clip_synthesis.h"

#include "kiosk/audio/audio_error.h"
#include "kiosk/audio/clip_file.h"
#include "kiosk/audio/clip_manifest.h"
#include "kiosk/audio/loudness.h"
#include "kiosk/audio/speech_synth.h"
#include "kiosk/audio/spoken_messages.h"
#include "kiosk/audio/voices.h"

#include <map>
#include <set>

namespace selfcheck::audio {

namespace {

// libsndfile's Vorbis level 1.0 is quality 0, about 28 kbit/s for this speech: espeak-ng's
// 22 kHz voice loses nothing audible, and a locale's clips stay near 2.5 MB.
constexpr double kVorbisLevel = 1.0;

std::string origin_of(const SpeechSynth& synth, const std::string& voice) {
    return synth.version() + ", voice " + voice + ", " + std::to_string(kSpeechRateWpm) + " wpm, " +
           std::to_string(int(kTargetLoudnessLufs)) + " LUFS, vorbis level 1";
}

}  // namespace

SynthesisSummary synthesise_clips(const Messages& messages, const std::vector<std::string>& keys,
                                  const std::vector<std::string>& locales, const ClipDirs& dirs,
                                  std::ostream& progress) {
    SynthesisSummary summary;
    SpeechSynth synth;
    for (const std::string& locale : locales) {
        const std::optional<std::string> voice = machine_voice(locale);
        if (!voice) {
            progress << locale << ": no machine voice; only recordings speak it\n";
            continue;
        }
        // Recordings that play win; their messages need no machine clip.
        const ClipCatalog recordings(messages, keys, {locale}, {dirs.recorded, dirs.synthesised / ".none"},
                                     ClipCatalog::Check::OpenEveryClip);
        const std::filesystem::path dir = dirs.synthesised / locale;
        const std::filesystem::path manifest_file = dir / kManifestFile;
        ClipManifest manifest;
        try {
            manifest = ClipManifest::load(manifest_file);
        } catch (const AudioError&) {
            // A damaged manifest only means every clip is made again.
        }
        const std::string origin = origin_of(synth, *voice);
        std::set<std::string> wanted;
        size_t since_saved = 0;
        for (const std::string& key : keys) {
            if (!run_time_arguments(key).empty()) continue;
            if (recordings.choice(locale, key).source == ClipSource::Recorded) {
                ++summary.recorded;
                continue;
            }
            std::string shown;
            try {
                shown = messages.text(locale, key);
            } catch (const MessageError&) {
                continue;  // kiosk-content validate names the missing message
            }
            wanted.insert(key);
            const std::filesystem::path file = dir / (key + ".ogg");
            const ClipText* entry = manifest.find(key);
            if (entry && entry->text == shown && entry->origin == origin && std::filesystem::exists(file)) {
                ++summary.kept;
                continue;
            }
            MonoClip clip;
            try {
                clip = synth.speak(*voice, text_for_voice(locale, shown));
                trim_silence(clip, 0.1);
                normalise_loudness(clip);
                write_vorbis_clip(file, clip, kVorbisLevel);
            } catch (const AudioError& e) {
                throw AudioError(locale + ":" + key + " (\"" + shown + "\"): " + e.what());
            }
            manifest.set(key, {shown, origin});
            ++summary.made;
            summary.seconds_made += clip.seconds();
            if (++since_saved == 25) {  // an interrupted build keeps what it made
                manifest.save(manifest_file);
                since_saved = 0;
            }
        }
        std::error_code ec;
        for (const auto& [key, entry] : std::map<std::string, ClipText>(manifest.entries())) {
            if (wanted.count(key)) continue;
            manifest.erase(key);
            if (std::filesystem::remove(dir / (key + ".ogg"), ec)) ++summary.removed;
        }
        manifest.save(manifest_file);
        progress << locale << ": voice " << *voice << ", " << wanted.size() << " clips\n";
    }
    return summary;
}

}  // namespace selfcheck::audio
