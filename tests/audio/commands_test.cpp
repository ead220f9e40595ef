// The audio commands as the NGO and the build run them: kiosk-content validate's coverage per
// language, kiosk-audio status, import and record (a microphone through SDL's disk driver).
#include "kiosk/audio/clip_file.h"
#include "kiosk/audio/clip_manifest.h"
#include "tests/audio/audio_fixtures.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

#include <regex>

using namespace selfcheck;
using namespace selfcheck::testing;
using namespace std::chrono_literals;

namespace {

// Runs a shell command line, stderr folded into what is read.
RunResult shell(const std::string& command) { return run_program({"/bin/sh", "-c", command + " 2>&1"}, 120s); }

bool has_line(const std::string& output, const std::string& pattern) {
    return std::regex_search(output, std::regex(pattern));
}

const std::string kBuiltClips = std::string(SELFCHECK_BINARY_DIR) + "/audio";

}  // namespace

TEST_CASE("kiosk-content validate reports read-aloud coverage per language", "[commands]") {
    const RunResult result = shell(KIOSK_CONTENT_BINARY " validate");
    INFO(result.output);
    CHECK(result.status == 0);
    for (const char* line : {"audio: id 100.0% (", "audio: en 100.0% (", "audio: zh_Hant_HK 100.0% ("})
        CHECK_THAT(result.output, Catch::Contains(line));
    CHECK_THAT(result.output, Catch::Contains("audio: fil "));
    CHECK_THAT(result.output, Catch::Contains("no voice for 'fil'"));
    CHECK_THAT(result.output, Catch::Contains("no speaker control"));
}

TEST_CASE("a missing or unreadable clip is a validation warning naming the file", "[commands]") {
    TempDir dir;
    std::filesystem::copy(kBuiltClips, dir.path() / "clips", std::filesystem::copy_options::recursive);
    const auto broken = dir.path() / "clips" / "en" / "answer.yes.ogg";
    std::ofstream(broken, std::ios::trunc) << "OggS, then nothing";
    const auto missing = dir.path() / "clips" / "id" / "answer.no.ogg";
    std::filesystem::remove(missing);
    const RunResult result = shell(KIOSK_CONTENT_BINARY " validate --synthesised " + (dir.path() / "clips").string());
    INFO(result.output);
    CHECK(result.status == 0);  // warnings, not errors: the kiosk still runs, without those two clips
    CHECK_THAT(result.output, Catch::Contains("warning: " + broken.string() + ": cannot be played"));
    CHECK_THAT(result.output, Catch::Contains("warning: " + missing.string() + ": missing"));
    CHECK(has_line(result.output, R"(audio: en 99\.\d% \(0 recorded, \d+ synthesised, \d+ at run time, 1 missing\))"));
}

TEST_CASE("kiosk-audio status says where each message's sound comes from", "[commands]") {
    const RunResult result = shell(KIOSK_AUDIO_BINARY " status zh_Hant_HK");
    INFO(result.output);
    CHECK(result.status == 0);
    CHECK(has_line(result.output, R"(\nsynthesised +welcome\.prompt\n)"));
    CHECK(has_line(result.output, R"(\nsynthesised at run time +idle\.body\n)"));
    CHECK_THAT(result.output, Catch::Contains("audio: zh_Hant_HK 100.0%"));
    CHECK_FALSE(result.output.find("staff.") != std::string::npos);
    CHECK(shell(KIOSK_AUDIO_BINARY " status xx").status == 1);
    CHECK(shell(KIOSK_AUDIO_BINARY " frobnicate").status == 2);
}

TEST_CASE("kiosk-audio import takes good recordings and names each refused one", "[commands]") {
    TempDir dir;
    write_wav(dir.path() / "in" / "fil" / "answer.yes.wav", tone(1.0, 0.1f, 0.5));
    write_wav(dir.path() / "in" / "fil" / "idle.body.wav", tone(1.0));
    const RunResult result = shell(KIOSK_AUDIO_BINARY " import " + (dir.path() / "in").string() + " --recorded " +
                                   (dir.path() / "assets").string());
    INFO(result.output);
    CHECK(result.status == 1);
    CHECK_THAT(result.output, Catch::Contains("imported " + (dir.path() / "assets/fil/answer.yes.ogg").string()));
    CHECK_THAT(result.output, Catch::Contains("refused: " + (dir.path() / "in/fil/idle.body.wav").string()));
    CHECK_THAT(result.output, Catch::Contains("1 imported, 1 refused"));
    const RunResult status = shell(KIOSK_AUDIO_BINARY " status --recorded " + (dir.path() / "assets").string());
    // One recording among all of the form's messages (the share moves as messages are added).
    CHECK(has_line(status.output, R"(audio: fil 0\.\d% \(1 recorded, 0 synthesised)"));
}

TEST_CASE("kiosk-audio record walks the missing messages and records each from the microphone", "[commands]") {
    TempDir dir;
    // What the "microphone" hears: a second of voice at -20 dBFS, then a quiet room.
    const audio::MonoClip voice = tone(1.0, 0.1f, 0, 48000);
    {
        std::ofstream in(dir.path() / "microphone.raw", std::ios::binary);
        std::vector<float> samples(48000 / 5, 0.0f);
        samples.insert(samples.end(), voice.samples.begin(), voice.samples.end());
        samples.resize(samples.size() + 48000 * 3, 0.0f);
        in.write(reinterpret_cast<const char*>(samples.data()), std::streamsize(samples.size() * sizeof(float)));
    }
    const auto assets = dir.path() / "assets";
    // One Enter starts the first take; a pause ends it; the end of input ends the walk.
    const RunResult result =
        shell("printf '\\n' | SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILEIN=" + (dir.path() / "microphone.raw").string() +
              " " KIOSK_AUDIO_BINARY " record fil --recorded " + assets.string());
    INFO(result.output);
    CHECK(result.status == 0);
    std::smatch first;
    REQUIRE(std::regex_search(result.output, first, std::regex(R"(\[1/(\d+)\] (\S+))")));
    CHECK(std::stoi(first[1]) > 200);  // every Tagalog message lacks a clip
    const std::string key = first[2];
    CHECK_THAT(result.output, Catch::Contains("1 recorded"));
    const auto clip = assets / "fil" / (key + ".ogg");
    REQUIRE(std::filesystem::exists(clip));
    CHECK(audio::read_mono_clip(clip).seconds() == Approx(1.3).margin(0.1));
    const audio::ClipManifest texts = audio::ClipManifest::load(assets / "fil" / audio::kManifestFile);
    REQUIRE(texts.find(key));
    CHECK(texts.find(key)->origin == "recorded");
    // Next time, that message is no longer asked for.
    const RunResult again =
        shell("printf 'q\\n' | SDL_AUDIODRIVER=disk " KIOSK_AUDIO_BINARY " record fil --recorded " + assets.string());
    CHECK_THAT(again.output, Catch::Contains("/" + std::to_string(std::stoi(first[1]) - 1) + "]"));
}
