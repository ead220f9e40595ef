// Recordings from the NGO: names, formats and lengths checked, each refusal naming the file;
// what passes is trimmed, set to R128 loudness and kept with the text it says.
#include "kiosk/audio/clip_catalog.h"
#include "kiosk/audio/clip_import.h"
#include "kiosk/audio/clip_manifest.h"
#include "kiosk/audio/loudness.h"
#include "tests/audio/audio_fixtures.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using namespace selfcheck::audio;
using selfcheck::testing::TempDir;

namespace {

std::string refusal(const ImportReport& report, const std::filesystem::path& file) {
    for (const auto& r : report.refused)
        if (r.where == file.string()) return r.message;
    return "(not refused)";
}

}  // namespace

TEST_CASE("good recordings in every format come in trimmed and at R128 loudness", "[import]") {
    TempDir dir;
    testing::ShippedMessages shipped;
    const std::vector<std::string> keys{"answer.yes", "answer.no", "answer.not_sure", "welcome.prompt"};
    const RecordingTargets targets{shipped.messages, keys, testing::kLocales};
    const auto into = dir.path() / "assets";
    // Quiet (-30 dBFS), with a second of silence either side.
    testing::write_wav(dir.path() / "in/fil/answer.yes.wav", testing::tone(1.0, 0.03f, 1.0, 44100));
    testing::write_clip_as(dir.path() / "in/fil/answer.no.flac", 0.8);
    testing::write_clip_as(dir.path() / "in/id/answer.not_sure.ogg", 0.9);
    testing::write_clip_as(dir.path() / "in/en/welcome.prompt.opus", 1.2);

    const ImportReport report = import_recordings(dir.path() / "in", targets, into);
    CHECK(report.refused.empty());
    REQUIRE(report.imported.size() == 4);
    const MonoClip yes = read_mono_clip(into / "fil" / "answer.yes.ogg");
    CHECK(yes.rate == 44100);
    CHECK(yes.seconds() == Approx(1.3).margin(0.05));  // 1 s of speech and 0.15 s either side
    CHECK(measure_loudness(yes).integrated_lufs == Approx(kTargetLoudnessLufs).margin(0.5));
    const ClipManifest texts = ClipManifest::load(into / "fil" / kManifestFile);
    REQUIRE(texts.find("answer.yes"));
    CHECK(texts.find("answer.yes")->text == shipped.messages.text("fil", "answer.yes"));
    CHECK(texts.find("answer.yes")->origin == "recorded");

    const ClipCatalog catalog(shipped.messages, keys, testing::kLocales, {into, dir.path() / "none"},
                              ClipCatalog::Check::OpenEveryClip);
    CHECK(catalog.choice("fil", "answer.yes").source == ClipSource::Recorded);
    CHECK(catalog.choice("fil", "answer.no").source == ClipSource::Recorded);
    CHECK(catalog.choice("en", "welcome.prompt").source == ClipSource::Recorded);
}

TEST_CASE("each bad recording is refused with its file and reason, and nothing of it kept", "[import]") {
    TempDir dir;
    testing::ShippedMessages shipped;
    const std::vector<std::string> keys{"answer.yes", "answer.no", "idle.body",
                                        "nav.back",   "nav.next",  "welcome.prompt"};
    const RecordingTargets targets{shipped.messages, keys, testing::kLocales};
    const auto in = dir.path() / "in";
    const auto into = dir.path() / "assets";
    testing::write_wav(in / "en/idle.body.wav", testing::tone(2.0));
    testing::write_wav(in / "tl/answer.yes.wav", testing::tone(1.0));
    testing::write_wav(in / "en/answer.maybe.wav", testing::tone(1.0));
    testing::write_wav(in / "en/answer.no.mp3", testing::tone(1.0));
    const auto garbage = dir.write("in/en/answer.yes.wav", "RIFF, but not really");
    testing::write_wav(in / "en/nav.back.wav", testing::tone(0.1));
    testing::write_wav(in / "en/nav.next.wav", testing::tone(1.0, 0.0f));
    testing::write_wav(in / "en/welcome.prompt.wav", testing::tone(kMaxRecordingSeconds + 5, 0.3f));
    testing::write_wav(in / "answer.yes.wav", testing::tone(1.0));

    const ImportReport report = import_recordings(in, targets, into);
    CHECK(report.imported.empty());
    CHECK(report.refused.size() == 9);
    CHECK_THAT(refusal(report, in / "en/idle.body.wav"), Catch::Contains("{seconds}"));
    CHECK_THAT(refusal(report, in / "tl/answer.yes.wav"), Catch::Contains("no language 'tl'"));
    CHECK_THAT(refusal(report, in / "en/answer.maybe.wav"), Catch::Contains("no spoken message"));
    CHECK_THAT(refusal(report, in / "en/answer.no.mp3"), Catch::Contains(".wav, .flac, .ogg, .opus"));
    CHECK_THAT(refusal(report, garbage), Catch::Contains("cannot be read as audio"));
    CHECK_THAT(refusal(report, in / "en/nav.back.wav"), Catch::Contains("too short"));
    CHECK_THAT(refusal(report, in / "en/nav.next.wav"), Catch::Contains("silent"));
    CHECK_THAT(refusal(report, in / "en/welcome.prompt.wav"), Catch::Contains("too long"));
    CHECK_THAT(refusal(report, in / "answer.yes.wav"), Catch::Contains("DIR/<locale>/"));
    CHECK_FALSE(std::filesystem::exists(into / "en"));
}

TEST_CASE("a new recording of a message replaces the old one, whatever its format", "[import]") {
    TempDir dir;
    testing::ShippedMessages shipped;
    const RecordingTargets targets{shipped.messages, {"answer.yes"}, testing::kLocales};
    const auto into = dir.path() / "assets";
    testing::write_clip_as(into / "en" / "answer.yes.flac", 0.5);
    const StoredRecording stored = store_recording(testing::tone(0.7), targets, into, "en", "answer.yes");
    CHECK(stored.file == into / "en" / "answer.yes.ogg");
    CHECK(std::filesystem::exists(stored.file));
    CHECK_FALSE(std::filesystem::exists(into / "en" / "answer.yes.flac"));
}
