// kiosk-audio: the read-aloud clips, for the NGO that replaces machine voices with its own.
//   kiosk-audio status [LOCALE]      per language: recorded, synthesised, missing; with
//                                    LOCALE, every message and where its sound comes from
//   kiosk-audio import DIR           recordings DIR/<locale>/<message key>.wav|flac|ogg|opus:
//                                    names, format and length checked, silence trimmed,
//                                    loudness set to EBU R128, kept in assets/audio
//   kiosk-audio record LOCALE [--all] [--max-seconds S]
//                                    walks the messages with no clip (with --all, also the
//                                    machine-voiced ones) and records each from the microphone
//   kiosk-audio synthesise [--stamp FILE]   the build's machine-voice clips (cmake/AudioClips.cmake)
// Common options: --content DIR --locales DIR --recorded DIR --synthesised DIR
// Exit status: 0 done, 1 something refused or failed (each named), 2 usage.
#include "kiosk/audio/audio_error.h"
#include "kiosk/audio/clip_catalog.h"
#include "kiosk/audio/clip_import.h"
#include "kiosk/audio/clip_synthesis.h"
#include "kiosk/audio/loudness.h"
#include "kiosk/audio/read_aloud.h"
#include "kiosk/audio/recorder.h"
#include "kiosk/audio/spoken_messages.h"
#include "protocol/content/content.h"
#include "protocol/content/content_error.h"
#include "protocol/content/content_messages.h"
#include "protocol/content/messages.h"
#include "protocol/time/dates.h"

#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>

namespace {

using namespace selfcheck;
using namespace selfcheck::audio;

int usage() {
    std::cerr << "usage: kiosk-audio status [LOCALE] | import DIR | record LOCALE [--all] [--max-seconds S] |\n"
                 "                   synthesise [--stamp FILE]\n"
                 "       options: --content DIR --locales DIR --recorded DIR --synthesised DIR\n";
    return 2;
}

struct Setup {
    Content content;
    std::unique_ptr<Messages> messages;
    std::vector<std::string> keys;
    std::vector<std::string> locales;
    ClipDirs dirs;

    RecordingTargets targets() const { return {*messages, keys, locales}; }
};

Setup load(const std::filesystem::path& content_dir, const std::filesystem::path& locales_dir, ClipDirs dirs) {
    Setup s{load_content(content_dir), std::make_unique<Messages>(locales_dir), {}, {}, std::move(dirs)};
    s.messages->set_shared_args(content_args(s.content, hong_kong_today()));  // as the kiosk shows them
    s.keys = spoken_message_keys(s.content);
    for (const auto& language : s.content.form.languages) s.locales.push_back(language.locale);
    return s;
}

int status(const Setup& s, const std::string& locale) {
    const ClipCatalog catalog(*s.messages, s.keys, s.locales, s.dirs, ClipCatalog::Check::OpenEveryClip);
    for (const auto& problem : catalog.problems()) std::cerr << describe(problem) << "\n";
    if (!locale.empty()) {
        if (std::find(s.locales.begin(), s.locales.end(), locale) == s.locales.end()) {
            std::cerr << "kiosk-audio: the form has no language '" << locale << "'\n";
            return 1;
        }
        for (const std::string& key : s.keys) {
            const ClipChoice choice = catalog.choice(locale, key);
            std::printf("%-24s %s\n", to_string(choice.source), key.c_str());
        }
    }
    for (const auto& coverage : catalog.coverage()) std::cout << "audio: " << describe(coverage) << "\n";
    return 0;
}

int import(const Setup& s, const std::filesystem::path& dir) {
    const ImportReport report = import_recordings(dir, s.targets(), s.dirs.recorded);
    for (const auto& stored : report.imported)
        std::printf("imported %s (%.1f s, %+.1f dB to %.0f LUFS)\n", stored.file.c_str(), stored.seconds,
                    stored.gain_db, kTargetLoudnessLufs);
    for (const auto& refused : report.refused)
        std::cerr << "refused: " << refused.where << ": " << refused.message << "\n";
    std::cout << report.imported.size() << " imported, " << report.refused.size() << " refused\n";
    return report.refused.empty() ? 0 : 1;
}

// Lines typed on standard input, read without stdio's buffer so that a key pressed while
// recording is seen at once.
class Keyboard {
public:
    // The next line, waiting for it; nullopt at the end of input.
    std::optional<std::string> line() {
        for (;;) {
            if (auto l = take()) return l;
            if (closed_ || !fill(-1)) return std::nullopt;
        }
    }
    // A line typed already (Enter pressed), without waiting.
    bool pressed() {
        if (pending_.find('\n') == std::string::npos && !closed_) fill(0);
        return take().has_value();
    }

private:
    std::optional<std::string> take() {
        const size_t end = pending_.find('\n');
        if (end == std::string::npos) return std::nullopt;
        std::string l = pending_.substr(0, end);
        pending_.erase(0, end + 1);
        return l;
    }
    bool fill(int timeout_ms) {
        pollfd fd{STDIN_FILENO, POLLIN, 0};
        if (poll(&fd, 1, timeout_ms) <= 0) return false;
        char buffer[256];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            closed_ = true;
            return false;
        }
        pending_.append(buffer, size_t(n));
        return true;
    }
    std::string pending_;
    bool closed_ = false;
};

int record(const Setup& s, const std::string& locale, bool all, double max_seconds) {
    if (std::find(s.locales.begin(), s.locales.end(), locale) == s.locales.end()) {
        std::cerr << "kiosk-audio: the form has no language '" << locale << "'\n";
        return 1;
    }
    const ClipCatalog catalog(*s.messages, s.keys, {locale}, s.dirs, ClipCatalog::Check::OpenEveryClip);
    std::vector<std::string> todo;
    for (const std::string& key : s.keys) {
        const ClipSource source = catalog.choice(locale, key).source;
        if (!run_time_arguments(key).empty() || !s.messages->has(locale, key)) continue;
        if (source == ClipSource::None || (all && source == ClipSource::Synthesised)) todo.push_back(key);
    }
    std::cout << "kiosk-audio record " << locale << ": " << todo.size() << " messages to record into "
              << (s.dirs.recorded / locale).string()
              << "\n  Enter: record (Enter again, or a pause, ends it)   s: skip   q: quit\n";
    const Recorder recorder;
    Recorder::Options options;
    options.max_seconds = max_seconds;
    Keyboard keyboard;
    size_t kept = 0;
    for (size_t i = 0; i < todo.size(); ++i) {
        const std::string& key = todo[i];
        std::cout << "\n[" << i + 1 << "/" << todo.size() << "] " << key << "\n  \"" << s.messages->text(locale, key)
                  << "\"\n> " << std::flush;
        const std::optional<std::string> answer = keyboard.line();
        if (!answer || *answer == "q") break;
        if (*answer == "s") continue;
        std::cout << "  recording: speak now\n" << std::flush;
        try {
            MonoClip clip = recorder.record([&] { return keyboard.pressed(); }, options);
            const StoredRecording stored = store_recording(std::move(clip), s.targets(), s.dirs.recorded, locale, key);
            std::printf("  kept %.1f s (%+.1f dB): %s\n", stored.seconds, stored.gain_db, stored.file.c_str());
            ++kept;
        } catch (const AudioError& e) {
            std::cout << "  not kept: " << e.what() << " (Enter to try again)\n";
            --i;
        }
    }
    std::cout << kept << " recorded\n";
    return 0;
}

int synthesise(const Setup& s, const std::string& stamp) {
    const auto start = std::chrono::steady_clock::now();
    const SynthesisSummary summary = synthesise_clips(*s.messages, s.keys, s.locales, s.dirs, std::cout);
    const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("synthesised %zu clips (%.0f s of speech) in %.1f s; %zu unchanged, %zu removed, %zu recorded\n",
                summary.made, summary.seconds_made, took, summary.kept, summary.removed, summary.recorded);
    if (!stamp.empty()) std::ofstream(stamp) << summary.made + summary.kept << " clips\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    const std::string command = argv[1];
    std::filesystem::path content = SELFCHECK_DEFAULT_CONTENT_DIR;
    std::filesystem::path locales = SELFCHECK_DEFAULT_LOCALES_DIR;
    ClipDirs dirs = default_clip_dirs();
    std::vector<std::string> positional;
    std::string stamp;
    bool all = false;
    double max_seconds = Recorder::Options::kMaxSeconds;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--content" && has_value)
            content = argv[++i];
        else if (arg == "--locales" && has_value)
            locales = argv[++i];
        else if (arg == "--recorded" && has_value)
            dirs.recorded = argv[++i];
        else if (arg == "--synthesised" && has_value)
            dirs.synthesised = argv[++i];
        else if (arg == "--stamp" && has_value && command == "synthesise")
            stamp = argv[++i];
        else if (arg == "--max-seconds" && has_value && command == "record")
            max_seconds = std::atof(argv[++i]);
        else if (arg == "--all" && command == "record")
            all = true;
        else if (arg.rfind("--", 0) == 0)
            return usage();
        else
            positional.push_back(arg);
    }
    if (max_seconds <= 0) return usage();
    try {
        const Setup setup = load(content, locales, dirs);
        if (command == "status" && positional.size() <= 1)
            return status(setup, positional.empty() ? "" : positional[0]);
        if (command == "import" && positional.size() == 1) return import(setup, positional[0]);
        if (command == "record" && positional.size() == 1) return record(setup, positional[0], all, max_seconds);
        if (command == "synthesise" && positional.empty()) return synthesise(setup, stamp);
        return usage();
    } catch (const ContentError& e) {
        std::cerr << e.what() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "kiosk-audio: " << e.what() << "\n";
    }
    return 1;
}
