// Read aloud as the screens use it (label ui, SDL's disk driver): a tap plays the screen's
// clips for as long as they are; a message without a clip has no control; a new screen, a
// new language and quick exit silence it within one frame; auto-read; the headphone cap.
#include "kiosk/audio/read_aloud.h"

#include "tests/audio/audio_fixtures.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using namespace selfcheck::audio;
using selfcheck::testing::DiskOutput;
using selfcheck::testing::TempDir;
using namespace std::chrono_literals;

namespace {

constexpr size_t kFrameAt60Hz = 48000 / 60;

const std::vector<std::string> kKeys{"welcome.prompt", "answer.yes", "idle.body", "q.job_as_promised.text"};

// Clips of known length: the welcome prompt 1.0 s and "yes" 0.5 s in en and id, and a long
// question (3 s) to interrupt; only "yes" is recorded in Tagalog.
struct Kiosk {
    TempDir dir;
    testing::ShippedMessages shipped;
    ClipDirs dirs{dir.path() / "recorded", dir.path() / "synthesised"};

    Kiosk() {
        testing::use_disk_audio(dir.path() / "out.raw");
        for (const char* locale : {"en", "id", "zh_Hant_HK"}) {
            testing::add_clip(shipped.messages, dirs.synthesised, locale, "welcome.prompt", 1.0);
            testing::add_clip(shipped.messages, dirs.synthesised, locale, "answer.yes", 0.5);
            testing::add_clip(shipped.messages, dirs.synthesised, locale, "q.job_as_promised.text", 3.0);
        }
        testing::add_clip(shipped.messages, dirs.recorded, "fil", "answer.yes", 0.5, ".flac");
    }
    ClipCatalog catalog() const { return ClipCatalog(shipped.messages, kKeys, testing::kLocales, dirs); }
    DiskOutput heard() const { return DiskOutput(dir.path() / "out.raw"); }
};

const Utterance kWelcome{SpokenPart::message("welcome.prompt"), SpokenPart::message("answer.yes")};
const Utterance kQuestion{SpokenPart::message("q.job_as_promised.text")};

bool finished(ReadAloud& audio) {
    return testing::wait_until([&] { return !audio.reading(); });
}

size_t last_sound(const DiskOutput& out) { return out.audible_span().second; }

}  // namespace

TEST_CASE("a tap on the speaker writes non-silent samples about as long as the clips", "[read_aloud]") {
    Kiosk kiosk;
    {
        ReadAloud audio(AudioMode::Speaker, kiosk.shipped.messages, kiosk.catalog());
        REQUIRE(audio.enabled());
        CHECK(audio.can_read("en", kWelcome));
        CHECK(audio.read("en", kWelcome));
        CHECK(finished(audio));
    }
    CHECK(kiosk.heard().audible_seconds() == Approx(1.5).epsilon(0.04));
}

TEST_CASE("a message without a clip shows no control, and a tap plays nothing", "[read_aloud]") {
    Kiosk kiosk;
    ReadAloud audio(AudioMode::Speaker, kiosk.shipped.messages, kiosk.catalog());
    // Tagalog: "yes" is recorded; the welcome prompt is not, and no machine voice may say it.
    CHECK(audio.has_clip("fil", "answer.yes"));
    CHECK_FALSE(audio.has_clip("fil", "welcome.prompt"));
    CHECK_FALSE(audio.can_read("fil", kWelcome));
    CHECK(audio.can_read("fil", {SpokenPart::message("answer.yes")}));
    CHECK_FALSE(audio.read("fil", kWelcome));
    CHECK_FALSE(audio.reading());
    // A countdown is spoken at run time where there is a voice, and never in Tagalog.
    const Utterance idle{SpokenPart::message("idle.body", {{"seconds", 30L}})};
    CHECK(audio.can_read("en", idle));
    CHECK_FALSE(audio.can_read("fil", idle));
    CHECK(audio.can_read("zh_Hant_HK", {SpokenPart::phone_number("+852 2157 9537")}));
    CHECK_FALSE(audio.can_read("fil", {SpokenPart::phone_number("+852 2157 9537")}));
    CHECK_FALSE(audio.can_read("en", {}));
    CHECK_FALSE(audio.has_clip("en", "staff.title"));  // the staff panel is not read aloud
}

TEST_CASE("the idle countdown is read as the screen shows it", "[read_aloud]") {
    Kiosk kiosk;
    {
        ReadAloud audio(AudioMode::Speaker, kiosk.shipped.messages, kiosk.catalog());
        CHECK(audio.read("id", {SpokenPart::message("idle.body", {{"seconds", 20L}})}));
        CHECK(finished(audio));
        CHECK(audio.player()->last_problem().empty());
    }
    CHECK(kiosk.heard().audible_seconds() > 1.0);
}

TEST_CASE("a new screen, a new language, quick exit and the idle wipe each silence it within one frame",
          "[read_aloud]") {
    const char* what = GENERATE("new screen", "new language", "quick exit or idle wipe");
    Kiosk kiosk;
    uint64_t at_stop = 0;
    {
        ReadAloud audio(AudioMode::Speaker, kiosk.shipped.messages, kiosk.catalog());
        audio.set_auto_read(true);
        audio.show("question:job_as_promised", "en", kQuestion);  // auto-read starts it
        REQUIRE(audio.reading());
        REQUIRE(testing::wait_until([&] { return audio.player()->first_sound_seconds() >= 0; }));
        // 0.2 s of it heard, counted in device frames: a busy machine may run the device late.
        const uint64_t begun = audio.player()->frames_out();
        REQUIRE(testing::wait_until([&] { return audio.player()->frames_out() > begun + 48000 / 5; }));
        audio.show("question:job_as_promised", "en", kQuestion);  // the same screen, next frame
        CHECK(audio.reading());
        const std::string w = what;
        if (w == "new screen")
            audio.show("staff:pin", "en", {SpokenPart::message("staff.title")});  // nothing to read there
        else if (w == "new language")
            audio.show("question:job_as_promised", "fil", kQuestion);  // not readable in Tagalog
        else
            audio.wipe();
        at_stop = audio.player()->frames_out();
        CHECK_FALSE(audio.reading());
        // A tenth of a second more of the device's output, to show it silent.
        CHECK(testing::wait_until([&] { return audio.player()->frames_out() > at_stop + 48000 / 10; }));
        CHECK(audio.auto_read() == (w != "quick exit or idle wipe"));  // the next person chooses again
    }
    const DiskOutput out = kiosk.heard();
    INFO(what << ": stopped at frame " << at_stop << ", last sound at frame " << last_sound(out));
    const auto [first, last] = out.audible_span();
    CHECK(double(last - first) / out.rate > 0.15);
    CHECK(last <= at_stop + kFrameAt60Hz);
}

TEST_CASE("auto-read reads each new screen once, and only when she chose it", "[read_aloud]") {
    Kiosk kiosk;
    ReadAloud audio(AudioMode::Speaker, kiosk.shipped.messages, kiosk.catalog());
    CHECK_FALSE(audio.auto_read());
    audio.show("welcome", "en", kWelcome);
    CHECK_FALSE(audio.reading());
    audio.set_auto_read(true);
    audio.show("question:job_as_promised", "en", kQuestion);
    CHECK(audio.reading());
    audio.stop();
    audio.show("question:job_as_promised", "en", kQuestion);  // stopped by her: not read again
    CHECK_FALSE(audio.reading());
    audio.show("welcome", "fil", kWelcome);  // nothing to read in Tagalog: silence
    CHECK_FALSE(audio.reading());
    audio.show("welcome", "en", kWelcome);  // the language changed: read in English
    CHECK(audio.reading());
}

TEST_CASE("with headphones the volume is capped and the welcome sign is shown", "[read_aloud]") {
    int peaks[2] = {0, 0};
    for (const AudioMode mode : {AudioMode::Speaker, AudioMode::Headphones}) {
        Kiosk kiosk;
        {
            ReadAloud audio(mode, kiosk.shipped.messages, kiosk.catalog());
            CHECK(audio.headphones() == (mode == AudioMode::Headphones));
            audio.set_volume(2.0f);  // asks for more than the mode allows
            CHECK(audio.volume() == 1.0f);
            CHECK(audio.read("en", {SpokenPart::message("answer.yes")}));
            CHECK(finished(audio));
        }
        peaks[mode == AudioMode::Headphones] = kiosk.heard().peak();
    }
    CHECK(peaks[0] > 0);
    CHECK(double(peaks[1]) / peaks[0] == Approx(max_gain(AudioMode::Headphones)).epsilon(0.05));
}

TEST_CASE("audio: off is silent and offers nothing", "[read_aloud]") {
    Kiosk kiosk;
    ReadAloud audio(AudioMode::Off, kiosk.shipped.messages, kiosk.catalog());
    CHECK_FALSE(audio.enabled());
    CHECK_FALSE(audio.headphones());
    CHECK_FALSE(audio.has_clip("en", "welcome.prompt"));
    CHECK_FALSE(audio.can_read("en", kWelcome));
    CHECK_FALSE(audio.read("en", kWelcome));
    CHECK_FALSE(audio.test_sound("en"));
    CHECK(audio.player() == nullptr);
}

TEST_CASE("the staff panel's sound test plays the welcome prompt, in another language if need be", "[read_aloud]") {
    Kiosk kiosk;
    ReadAloud audio(AudioMode::Headphones, kiosk.shipped.messages, kiosk.catalog());
    CHECK(audio.test_sound("fil"));  // no Tagalog prompt: the first language that has one
    CHECK(audio.reading());
    CHECK(finished(audio));
}

TEST_CASE("no audio device is no crash: read aloud is off and says why", "[read_aloud]") {
    Kiosk kiosk;
    setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
    ReadAloud audio(AudioMode::Headphones, kiosk.shipped.messages, kiosk.catalog());
    CHECK_FALSE(audio.enabled());
    CHECK_THAT(audio.problem(), Catch::Contains("audio"));
    CHECK_FALSE(audio.read("en", kWelcome));
}
