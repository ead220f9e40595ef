// The machine voice, and the build's clips made with it: one clip per message a recording does
// not cover, each at R128 loudness, remade only when its text or voice changed.
#include "kiosk/audio/audio_error.h"
#include "kiosk/audio/clip_catalog.h"
#include "kiosk/audio/clip_import.h"
#include "kiosk/audio/clip_manifest.h"
#include "kiosk/audio/clip_synthesis.h"
#include "kiosk/audio/loudness.h"
#include "kiosk/audio/speech_synth.h"
#include "tests/audio/audio_fixtures.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace selfcheck;
using namespace selfcheck::audio;
using selfcheck::testing::TempDir;

TEST_CASE("espeak-ng says a sentence in each voice, about as long as it takes to say", "[synthesis]") {
    SpeechSynth synth;
    CHECK(synth.rate() == 22050);
    CHECK_THAT(synth.version(), Catch::StartsWith("espeak-ng 1."));
    const MonoClip en = synth.speak("en", "Choose your language");
    CHECK(en.seconds() > 0.8);
    CHECK(en.seconds() < 3.0);
    CHECK(std::isfinite(measure_loudness(en).integrated_lufs));
    const MonoClip yue = synth.speak("yue", "請選擇語言");
    CHECK(yue.seconds() > 0.8);
    CHECK_THROWS_AS(synth.speak("tl", "Pumili ng wika"), AudioError);
}

TEST_CASE("a sink that says stop ends the speech early", "[synthesis]") {
    SpeechSynth synth;
    size_t samples = 0;
    synth.speak("en", "One two three four five six seven eight nine ten eleven twelve.",
                [&](const int16_t*, size_t count) {
                    samples += count;
                    return false;
                });
    CHECK(samples > 0);
    CHECK(samples < size_t(synth.rate()) / 5);  // stopped after the first chunk
}

TEST_CASE("the build's clips: made once, kept while unchanged, removed when a recording comes", "[synthesis]") {
    TempDir dir;
    testing::ShippedMessages shipped;
    const std::vector<std::string> keys{"answer.yes", "idle.body", "right.food.explain"};
    const ClipDirs dirs{dir.path() / "recorded", dir.path() / "synthesised"};
    std::ostringstream log;

    const SynthesisSummary first = synthesise_clips(shipped.messages, keys, testing::kLocales, dirs, log);
    CHECK(first.made == 6);  // 2 messages (idle.body waits for its countdown) x 3 voices; no Tagalog
    CHECK(first.kept == 0);
    CHECK_FALSE(std::filesystem::exists(dirs.synthesised / "fil"));
    const ClipManifest texts = ClipManifest::load(dirs.synthesised / "en" / kManifestFile);
    REQUIRE(texts.find("right.food.explain"));
    CHECK(texts.find("right.food.explain")->text == shipped.messages.text("en", "right.food.explain"));
    CHECK_THAT(texts.find("right.food.explain")->origin, Catch::Contains("voice en"));
    const MonoClip clip = read_mono_clip(dirs.synthesised / "zh_Hant_HK" / "right.food.explain.ogg");
    CHECK(clip.seconds() > 5);
    CHECK(measure_loudness(clip).integrated_lufs == Approx(kTargetLoudnessLufs).margin(1.0));

    const SynthesisSummary again = synthesise_clips(shipped.messages, keys, testing::kLocales, dirs, log);
    CHECK(again.made == 0);
    CHECK(again.kept == 6);

    // An NGO recording of the English "Yes": its machine clip goes, the others stay.
    const RecordingTargets targets{shipped.messages, keys, testing::kLocales};
    store_recording(testing::tone(0.6), targets, dirs.recorded, "en", "answer.yes");
    const SynthesisSummary after = synthesise_clips(shipped.messages, keys, testing::kLocales, dirs, log);
    CHECK(after.removed == 1);
    CHECK(after.recorded == 1);
    CHECK_FALSE(std::filesystem::exists(dirs.synthesised / "en" / "answer.yes.ogg"));
    const ClipCatalog catalog(shipped.messages, keys, testing::kLocales, dirs, ClipCatalog::Check::OpenEveryClip);
    CHECK(catalog.choice("en", "answer.yes").source == ClipSource::Recorded);
    CHECK(catalog.choice("id", "answer.yes").source == ClipSource::Synthesised);
    for (const auto& coverage : catalog.coverage())
        CHECK(coverage.percent() == Approx(coverage.locale == "fil" ? 0.0 : 100.0));

    // A changed text (here: a stale entry) makes exactly that clip again.
    ClipManifest edited = ClipManifest::load(dirs.synthesised / "id" / kManifestFile);
    edited.set("answer.yes", {"Tidak", edited.find("answer.yes")->origin});
    edited.save(dirs.synthesised / "id" / kManifestFile);
    CHECK(synthesise_clips(shipped.messages, keys, testing::kLocales, dirs, log).made == 1);
}
