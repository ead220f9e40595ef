// kiosk.yaml's `audio:` setting: headphones (the default), speaker or off; anything else is
// refused with the file, line and key.
#include "kiosk/core/device_config.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using selfcheck::testing::TempDir;

namespace {

const std::string kMinimal =
    "site: wan-chai-centre\n"
    "ngo_public_key: \"AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=\"\n";

DeviceConfig load(const std::string& extra) {
    TempDir dir;
    return load_device_config(dir.write("kiosk.yaml", kMinimal + extra), {"id", "fil", "en", "zh_Hant_HK"});
}

}  // namespace

TEST_CASE("audio: headphones unless the config says otherwise", "[device_config]") {
    CHECK(load("").audio == AudioMode::Headphones);
    CHECK(load("audio: headphones\n").audio == AudioMode::Headphones);
    CHECK(load("audio: speaker\n").audio == AudioMode::Speaker);
    CHECK(load("audio: off\n").audio == AudioMode::Off);  // a string, not YAML 1.1's false
}

TEST_CASE("a wrong audio setting names the file, line and key", "[device_config]") {
    try {
        load("audio: loud\n");
        FAIL("loaded 'audio: loud'");
    } catch (const ContentError& e) {
        CHECK_THAT(e.what(), Catch::Contains("kiosk.yaml:3:"));
        CHECK_THAT(e.what(), Catch::Contains("'audio': expected headphones, speaker or off, not 'loud'"));
    }
    CHECK_THROWS_AS(load("audio: [headphones]\n"), ContentError);
}
