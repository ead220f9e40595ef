// The speaker control in the kiosk's header, driven by widget name under SDL's disk audio
// driver: a tap plays the screen's clips for as long as they are, quick exit silences them
// within one frame, a screen her language cannot be heard in (Tagalog without a recording)
// has no control, auto-read reads the next screen, and the control passes the frame check.
#include "kiosk/app/scripted_walk.h"
#include "kiosk/app/test_driver.h"
#include "tests/audio/audio_fixtures.h"
#include "tests/support/temp_dir.h"
#include "tests/ui/ui_test_support.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using namespace selfcheck::testing;

namespace {

constexpr size_t kFrameAt60Hz = 48000 / 60;

const char* const kHeard[] = {"id", "en", "zh_Hant_HK"};  // the languages with a machine voice

// Tone clips of known length for the welcome prompt (1 s) and the privacy notice (0.5 s,
// 2.5 s, 0.5 s) in every language but Tagalog, which has none (as it ships: no voice).
struct Sound {
    TempDir dir;
    ShippedMessages shipped;
    audio::ClipDirs dirs{dir.path() / "recorded", dir.path() / "synthesised"};

    Sound() {
        use_disk_audio(dir.path() / "out.raw");
        for (const char* locale : kHeard) {
            add_clip(shipped.messages, dirs.synthesised, locale, "welcome.prompt", 1.0);
            add_clip(shipped.messages, dirs.synthesised, locale, "privacy.title", 0.5);
            add_clip(shipped.messages, dirs.synthesised, locale, "privacy.body_demo", 2.5);
            add_clip(shipped.messages, dirs.synthesised, locale, "privacy.continue", 0.5);
        }
    }
    KioskConfig config(int width, int height) const {
        KioskConfig config = headless(width, height);
        config.clip_dirs = dirs;
        return config;
    }
    DiskOutput heard() const { return DiskOutput(dir.path() / "out.raw"); }
};

bool finished(KioskApp& app) {
    return wait_until([&] { return !app.audio().reading(); });
}

}  // namespace

TEST_CASE("a tap on the speaker writes non-silent samples about as long as the clip", "[ui][speaker]") {
    Sound sound;
    {
        KioskApp app(sound.config(480, 800));
        TestDriver driver(app);
        driver.settle();
        REQUIRE(app.audio().enabled());
        REQUIRE(driver.has("nav.read_aloud"));  // the welcome prompt, in the chrome's English
        driver.tap("nav.read_aloud");
        CHECK(app.audio().reading());
        driver.settle();
        CHECK(driver.has("nav.read_aloud"));  // now the stop control, in its playing state
        CHECK(finished(app));
    }
    CHECK(sound.heard().audible_seconds() == Approx(1.0).epsilon(0.04));
}

TEST_CASE("the walk's --read-aloud plays the welcome prompt to its end, or says why it cannot", "[ui][speaker]") {
    Sound sound;
    {
        KioskApp app(sound.config(480, 800));
        TestDriver driver(app);
        const double played_ms = read_welcome_aloud(driver, app, std::chrono::seconds(10));
        CHECK(played_ms == Approx(1000).margin(150));  // the 1 s clip, and the device's drain
        CHECK_FALSE(app.audio().reading());
        CHECK(app.screen_name() == "welcome");  // nothing else tapped
    }
    CHECK(sound.heard().audible_seconds() == Approx(1.0).epsilon(0.04));

    KioskConfig off = sound.config(480, 800);
    off.device.audio = AudioMode::Off;
    KioskApp silent(off);
    TestDriver driver(silent);
    CHECK_THROWS_WITH(read_welcome_aloud(driver, silent, std::chrono::seconds(10)),
                      Catch::Contains("audio is off in kiosk.yaml"));
}

TEST_CASE("a second tap on the speaker stops it", "[ui][speaker]") {
    Sound sound;
    KioskApp app(sound.config(480, 800));
    TestDriver driver(app);
    driver.settle();
    driver.tap("lang.en");
    REQUIRE(app.screen_name() == "privacy");
    driver.tap("nav.read_aloud");
    REQUIRE(app.audio().reading());
    driver.tap("nav.read_aloud");
    CHECK_FALSE(app.audio().reading());
}

TEST_CASE("quick exit silences the speaker within one frame", "[ui][speaker]") {
    Sound sound;
    uint64_t at_exit = 0;
    {
        KioskApp app(sound.config(480, 800));
        TestDriver driver(app);
        driver.settle();
        driver.tap("lang.id");
        REQUIRE(app.screen_name() == "privacy");
        driver.tap("nav.read_aloud");  // 3.5 s of the privacy notice
        audio::Player& player = *app.audio().player();
        REQUIRE(wait_until([&] { return player.first_sound_seconds() >= 0; }));
        const uint64_t begun = player.frames_out();
        REQUIRE(wait_until([&] { return player.frames_out() > begun + 48000 / 5; }));  // 0.2 s heard
        driver.tap("nav.quick_exit");
        at_exit = player.frames_out();
        CHECK(app.screen_name() == "welcome");
        CHECK_FALSE(app.audio().reading());
        CHECK_FALSE(app.audio().auto_read());
        driver.settle();  // the next frames: nothing more is heard
        CHECK(wait_until([&] { return player.frames_out() > at_exit + 48000 / 10; }));
    }
    const DiskOutput out = sound.heard();
    const auto [first, last] = out.audible_span();
    INFO("quick exit at frame " << at_exit << ", last sound at frame " << last);
    CHECK(double(last - first) / out.rate > 0.15);
    CHECK(last <= at_exit + kFrameAt60Hz);
}

TEST_CASE("a screen without a clip in her language shows no speaker control", "[ui][speaker]") {
    Sound sound;
    KioskApp app(sound.config(480, 800));
    TestDriver driver(app);
    driver.settle();
    driver.tap("lang.fil");  // Tagalog: nothing recorded, and no machine voice may say it
    REQUIRE(app.screen_name() == "privacy");
    CHECK_FALSE(driver.has("nav.read_aloud"));
    CHECK(driver.has("slot.speaker"));  // its place stays free: nothing else moves
    check_text_of_frame(app);
    // The same screen in English can be heard; back in Tagalog the control goes again.
    driver.tap("nav.change_language");
    driver.tap("lang.en");
    driver.settle();
    CHECK(driver.has("nav.read_aloud"));
    driver.tap("nav.read_aloud");
    REQUIRE(app.audio().reading());
    driver.tap("nav.change_language");
    driver.tap("lang.fil");  // a language change stops the sound
    CHECK_FALSE(app.audio().reading());
    driver.settle();
    CHECK_FALSE(driver.has("nav.read_aloud"));
}

TEST_CASE("auto-read, chosen on the welcome screen, reads the next screen", "[ui][speaker]") {
    Sound sound;
    KioskApp app(sound.config(480, 800));
    TestDriver driver(app);
    driver.settle();
    REQUIRE(driver.has("welcome.auto_read"));
    CHECK(app.audio().headphones());  // kiosk.yaml's default, so the sign shows
    CHECK_FALSE(app.audio().auto_read());
    driver.tap("welcome.auto_read");
    CHECK(app.audio().auto_read());
    CHECK_FALSE(app.audio().reading());
    driver.tap("lang.zh_Hant_HK");
    driver.settle();
    CHECK(app.audio().reading());
    driver.tap("nav.quick_exit");  // the next person chooses again
    CHECK_FALSE(app.audio().reading());
    CHECK_FALSE(app.audio().auto_read());
}

TEST_CASE("the speaker control passes the frame check at every size, in every language it shows in", "[ui][speaker]") {
    const auto [width, height] = GENERATE(std::pair{480, 800}, std::pair{800, 1280}, std::pair{1920, 1080});
    Sound sound;
    KioskApp app(sound.config(width, height));
    TestDriver driver(app);
    driver.settle();
    INFO(width << "x" << height);
    REQUIRE(driver.has("nav.read_aloud"));
    REQUIRE(driver.has("welcome.auto_read"));
    check_text_of_frame(app);
    CHECK(opening_problems(app).empty());
    driver.tap("welcome.auto_read");  // its chosen state too
    driver.settle();
    check_text_of_frame(app);
    driver.tap("welcome.auto_read");
    for (const char* locale : kHeard) {
        INFO(locale);
        driver.tap(std::string("lang.") + locale);
        driver.settle();
        REQUIRE(driver.has("nav.read_aloud"));
        check_text_of_frame(app);
        driver.tap("nav.read_aloud");  // and playing
        driver.settle();
        CHECK(app.audio().reading());
        check_text_of_frame(app);
        driver.tap("nav.quick_exit");
        driver.settle();
    }
}

TEST_CASE("a new screen and the idle wipe each silence the speaker within one frame", "[ui][speaker]") {
    const bool idle = GENERATE(false, true);
    INFO((idle ? "idle wipe" : "new screen"));
    Sound sound;
    FakeClock clock;
    KioskConfig config = sound.config(480, 800);
    config.clock = clock.source();
    KioskApp app(config);
    TestDriver driver(app);
    driver.settle();
    driver.tap("lang.en");
    REQUIRE(app.screen_name() == "privacy");
    driver.tap("nav.read_aloud");  // 3.5 s of the privacy notice
    REQUIRE(app.audio().reading());
    if (idle) {
        clock.advance(std::chrono::hours(1));  // past "Still there?" and its countdown
        app.render_frame();
        CHECK(app.screen_name() == "welcome");
        CHECK_FALSE(app.audio().auto_read());
    } else {
        driver.tap("privacy.continue");
        app.render_frame();  // the first frame of the question: a new screen
        CHECK(app.screen_name() == "question");
    }
    CHECK_FALSE(app.audio().reading());
}
