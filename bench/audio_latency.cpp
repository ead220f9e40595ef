// Read-aloud benchmark: prints, asserts nothing.
//   build/bench/audio_latency [TAPS=40] [MEMORY_TAPS=400]
// Through SDL's disk audio driver, which takes samples at a real device's pace (no sound
// card is needed; what reaches it goes to /dev/null):
// - start: building the clip catalog for the form's four languages (in the kiosk's start path)
// - first sound after a tap: from ReadAloud::read() to the first non-silent sample handed to
//   the audio device, for a build-time clip and for run-time speech (the idle countdown),
//   with the device closed (the first tap after a quiet spell) and already open (a tap while
//   something plays). A real device adds its own buffer: 5.3 ms at SDL's 256 frames here.
// - memory with audio on: RSS and PSS of this process before audio, after the first sound,
//   and every 100 taps of MEMORY_TAPS taps over random messages and languages.
#include "kiosk/audio/read_aloud.h"
#include "kiosk/audio/spoken_messages.h"
#include "protocol/content/content.h"
#include "protocol/content/content_messages.h"
#include "protocol/content/messages.h"
#include "protocol/time/dates.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace selfcheck;
using namespace selfcheck::audio;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p / 100.0 * double(values.size())))];
}

// kB of a /proc file's line, e.g. "VmRSS:" in status or "Pss:" in smaps_rollup.
long proc_kb(const char* file, const std::string& field) {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);)
        if (line.rfind(field, 0) == 0) return std::atol(line.c_str() + field.size());
    return -1;
}

void print_memory(const char* when) {
    std::printf("  %-34s RSS %6.1f MiB   PSS %6.1f MiB\n", when, proc_kb("/proc/self/status", "VmRSS:") / 1024.0,
                proc_kb("/proc/self/smaps_rollup", "Pss:") / 1024.0);
}

bool wait_for(const std::function<bool()>& done, std::chrono::milliseconds limit = 5000ms) {
    const auto end = Clock::now() + limit;
    while (!done() && Clock::now() < end) std::this_thread::sleep_for(200us);
    return done();
}

struct Latency {
    std::vector<double> ms;
    void print(const char* what) const {
        if (ms.empty()) return;
        std::printf("  %-46s median %5.1f ms   p90 %5.1f ms   max %5.1f ms   (%zu taps)\n", what, percentile(ms, 50),
                    percentile(ms, 90), *std::max_element(ms.begin(), ms.end()), ms.size());
    }
};

// One tap: read `what`, wait for its first sound; returns ms (or -1 when none came).
double tap(ReadAloud& audio, const std::string& locale, const Utterance& what) {
    if (!audio.read(locale, what)) return -1;
    if (!wait_for([&] { return audio.player()->first_sound_seconds() >= 0; })) return -1;
    return audio.player()->first_sound_seconds() * 1000;
}

}  // namespace

int main(int argc, char** argv) {
    const int taps = argc > 1 ? std::atoi(argv[1]) : 40;
    const int memory_taps = argc > 2 ? std::atoi(argv[2]) : 400;
    setenv("SDL_AUDIODRIVER", "disk", 0);
    setenv("SDL_DISKAUDIOFILE", "/dev/null", 0);

    print_memory("before audio:");
    const Content content = load_content(SELFCHECK_DEFAULT_CONTENT_DIR);
    Messages messages(SELFCHECK_DEFAULT_LOCALES_DIR);
    messages.set_shared_args(content_args(content, hong_kong_today()));
    const auto catalog_start = Clock::now();
    ClipCatalog catalog = make_clip_catalog(content, messages, default_clip_dirs());
    const double catalog_ms = std::chrono::duration<double, std::milli>(Clock::now() - catalog_start).count();
    const auto again_start = Clock::now();
    make_clip_catalog(content, messages, default_clip_dirs());
    const double again_ms = std::chrono::duration<double, std::milli>(Clock::now() - again_start).count();
    std::printf("clip catalog: %.1f ms for %zu messages in %zu languages (%.1f ms again, messages cached)\n",
                catalog_ms, catalog.keys().size(), catalog.coverage().size(), again_ms);
    print_memory("content and catalog loaded:");

    Player::Options options;
    options.close_after_seconds = 0.15;  // short, so the cold taps below find the device closed
    ReadAloud audio(AudioMode::Headphones, messages, std::move(catalog), options);
    if (!audio.enabled()) {
        std::fprintf(stderr, "audio_latency: %s\n", audio.problem().c_str());
        return 1;
    }
    const Utterance question{SpokenPart::message("q.job_as_promised.text"), SpokenPart::message("answer.yes"),
                             SpokenPart::message("answer.no")};
    const Utterance countdown{SpokenPart::message("idle.body", {{"seconds", 30L}})};

    std::printf("first sound after a tap (SDL disk driver, %d taps each):\n", taps);
    const double espeak_first = tap(audio, "en", countdown);
    std::printf("  %-46s %5.1f ms   (espeak-ng starts: once per process)\n", "run-time speech, the very first",
                espeak_first);
    print_memory("after the first sound:");
    Latency clip_cold, clip_warm, speech_cold, speech_warm;
    const char* locales[] = {"id", "en", "zh_Hant_HK"};
    for (int i = 0; i < taps; ++i) {
        const std::string locale = locales[i % 3];
        audio.stop();
        wait_for([&] { return !audio.player()->device_open(); });
        clip_cold.ms.push_back(tap(audio, locale, question));
        std::this_thread::sleep_for(30ms);
        clip_warm.ms.push_back(tap(audio, locale, question));  // while the last one plays
        audio.stop();
        wait_for([&] { return !audio.player()->device_open(); });
        speech_cold.ms.push_back(tap(audio, locale, countdown));
        std::this_thread::sleep_for(30ms);
        speech_warm.ms.push_back(tap(audio, locale, countdown));
    }
    clip_cold.print("clip, device closed (first tap after quiet)");
    clip_warm.print("clip, device open (tap while playing)");
    speech_cold.print("run-time speech, device closed");
    speech_warm.print("run-time speech, device open");

    std::printf("memory with audio on (%d taps of random messages, each heard for 50 ms):\n", memory_taps);
    std::mt19937 random(7);
    const std::vector<std::string> keys = spoken_message_keys(content);
    for (int i = 1; i <= memory_taps; ++i) {
        const std::string locale = locales[random() % 3];
        const std::string& key = keys[random() % keys.size()];
        Utterance what{SpokenPart::message(key)};
        if (!run_time_arguments(key).empty()) {
            what = countdown;
        }
        tap(audio, locale, what);
        std::this_thread::sleep_for(50ms);
        if (i % 100 == 0) print_memory(("after " + std::to_string(i) + " taps:").c_str());
    }
    audio.stop();
    return 0;
}
