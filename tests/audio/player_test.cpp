// Sound through SDL2 audio, heard through SDL's disk driver: a clip plays as long as it is,
// stop() silences it within one frame, run-time speech is heard, gain is applied, a bad clip
// is skipped, and the device is let go when quiet.
#include "kiosk/audio/player.h"

#include "kiosk/audio/clip_file.h"
#include "tests/audio/audio_fixtures.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using namespace selfcheck::audio;
using selfcheck::testing::DiskOutput;
using selfcheck::testing::TempDir;
using namespace std::chrono_literals;

namespace {

constexpr size_t kFrameAt60Hz = 48000 / 60;  // device frames in one frame of the screen

std::filesystem::path tone_clip(const TempDir& dir, const std::string& name, double seconds, float amplitude = 0.3f) {
    const auto file = dir.path() / name;
    write_vorbis_clip(file, testing::tone(seconds, amplitude), 0.5);
    return file;
}

}  // namespace

TEST_CASE("a clip plays as non-silent samples about as long as the clip", "[player]") {
    TempDir dir;
    testing::use_disk_audio(dir.path() / "out.raw");
    const auto clip = tone_clip(dir, "tone.ogg", 1.0);
    {
        Player player;
        player.play({PlayPart::file(clip)});
        CHECK(player.playing());
        CHECK(testing::wait_until([&] { return !player.playing(); }));
        CHECK(player.first_sound_seconds() >= 0);  // bench/audio_latency prints how soon
    }
    const DiskOutput out(dir.path() / "out.raw");
    CHECK(out.audible_seconds() == Approx(ClipReader(clip).seconds()).epsilon(0.03));
}

TEST_CASE("stop() silences what plays within one frame", "[player]") {
    TempDir dir;
    testing::use_disk_audio(dir.path() / "out.raw");
    const auto clip = tone_clip(dir, "long.ogg", 3.0);
    size_t at_stop = 0;
    {
        Player player;
        player.play({PlayPart::file(clip)});
        REQUIRE(testing::wait_until([&] { return player.first_sound_seconds() >= 0; }));
        // 0.3 s of it heard, counted in device frames: a busy machine may run the device late.
        const uint64_t begun = player.frames_out();
        REQUIRE(testing::wait_until([&] { return player.frames_out() > begun + 48000 * 3 / 10; }));
        player.stop();
        at_stop = player.frames_out();
        CHECK_FALSE(player.playing());
        // The device keeps running, silent.
        CHECK(testing::wait_until([&] { return player.frames_out() > at_stop + 48000 / 10; }));
    }
    const DiskOutput out(dir.path() / "out.raw");
    const auto [first, last] = out.audible_span();
    INFO("stop at frame " << at_stop << ", last sound at frame " << last);
    CHECK(double(last - first) / out.rate > 0.25);  // it was heard until the stop ...
    CHECK(last + 48000 / 20 >= at_stop);
    CHECK(last <= at_stop + kFrameAt60Hz);  // ... and not one frame after
}

TEST_CASE("run-time speech is heard, as long as the sentence takes", "[player]") {
    TempDir dir;
    testing::use_disk_audio(dir.path() / "out.raw");
    {
        Player player;
        player.play({PlayPart::speech("en", "The screen will clear in 30 seconds.")});
        CHECK(testing::wait_until([&] { return !player.playing(); }));
        CHECK(player.last_problem().empty());
    }
    const DiskOutput out(dir.path() / "out.raw");
    CHECK(out.audible_seconds() > 1.5);
    CHECK(out.audible_seconds() < 5.0);
}

TEST_CASE("gain scales every sample", "[player]") {
    TempDir dir;
    const auto clip = tone_clip(dir, "tone.ogg", 0.5, 0.8f);
    int peaks[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        const auto raw = dir.path() / ("out" + std::to_string(i) + ".raw");
        testing::use_disk_audio(raw);
        {
            Player player;
            player.set_gain(i == 0 ? 1.0f : 0.5f);
            player.play({PlayPart::file(clip)});
            CHECK(testing::wait_until([&] { return !player.playing(); }));
        }
        peaks[i] = DiskOutput(raw).peak();
    }
    CHECK(peaks[0] > 20000);
    CHECK(double(peaks[1]) / peaks[0] == Approx(0.5).epsilon(0.03));
}

TEST_CASE("a clip that cannot be decoded is skipped and named; the rest plays", "[player]") {
    TempDir dir;
    testing::use_disk_audio(dir.path() / "out.raw");
    const auto bad = dir.write("bad.ogg", "not a clip");
    const auto good = tone_clip(dir, "good.ogg", 0.6);
    {
        Player player;
        player.play({PlayPart::file(bad), PlayPart::file(good), PlayPart::file(dir.path() / "gone.ogg")});
        CHECK(testing::wait_until([&] { return !player.playing(); }));
        CHECK_THAT(player.last_problem(), Catch::Contains("gone.ogg"));
    }
    CHECK(DiskOutput(dir.path() / "out.raw").audible_seconds() == Approx(0.6).epsilon(0.05));
}

TEST_CASE("the device is closed when quiet, and opened again for the next sound", "[player]") {
    TempDir dir;
    testing::use_disk_audio(dir.path() / "out.raw");
    const auto clip = tone_clip(dir, "tone.ogg", 0.3);
    Player::Options options;
    options.close_after_seconds = 0.2;
    Player player(options);
    CHECK_FALSE(player.device_open());  // nothing played yet: no SDL audio thread runs
    player.play({PlayPart::file(clip)});
    CHECK(testing::wait_until([&] { return player.device_open(); }));
    CHECK(testing::wait_until([&] { return !player.device_open(); }, 3000ms));
    player.play({PlayPart::file(clip)});
    CHECK(testing::wait_until([&] { return player.first_sound_seconds() >= 0; }));
    CHECK(testing::wait_until([&] { return !player.playing(); }));
}
