// Which voice reads which language, and what the voice is given: the screen's own words,
// formatted by the same Messages code, with only what the voice would misread rewritten.
#include "kiosk/audio/voices.h"

#include "kiosk/audio/utterance.h"
#include "tests/audio/audio_fixtures.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using namespace selfcheck::audio;

TEST_CASE("each language has its own voice, and Tagalog none", "[voices]") {
    CHECK(machine_voice("id") == std::optional<std::string>("id"));
    CHECK(machine_voice("en") == std::optional<std::string>("en"));
    CHECK(machine_voice("zh_Hant_HK") == std::optional<std::string>("yue"));  // Cantonese, not Mandarin
    CHECK_FALSE(machine_voice("fil").has_value());
    CHECK_FALSE(machine_voice("tl").has_value());
}

TEST_CASE("Cantonese gets amounts and percentages it can say", "[voices]") {
    CHECK(text_for_voice("zh_Hant_HK", "每月最少港幣1,236元") == "每月最少港幣1236元");
    CHECK(text_for_voice("zh_Hant_HK", "港幣1,234,567元") == "港幣1234567元");
    CHECK(text_for_voice("zh_Hant_HK", "第一個月工資的10%。") == "第一個月工資的百分之10。");
    // Other voices read grouped numbers and % themselves: their text is the screen's.
    CHECK(text_for_voice("en", "HK$1,236 and 10%") == "HK$1,236 and 10%");
    CHECK(text_for_voice("id", "HK$1.236") == "HK$1.236");
}

TEST_CASE("a phone number is said digit by digit, pausing where it has a space", "[voices]") {
    CHECK(digits_for_voice("+852 2157 9537") == "8 5 2, 2 1 5 7, 9 5 3 7");
    CHECK(digits_for_voice("999") == "9 9 9");
}

TEST_CASE("spoken text is the screen's text, run-time arguments and constants formatted by ICU", "[voices]") {
    testing::ShippedMessages shipped;
    const Messages& m = shipped.messages;
    const SpokenPart countdown = SpokenPart::message("idle.body", {{"seconds", 1L}});
    CHECK(speech_text(m, "en", countdown) == m.format("en", "idle.body", {{"seconds", 1L}}));
    CHECK(speech_text(m, "en", countdown) == "The screen will clear in 1 second.");
    CHECK(speech_text(m, "en", SpokenPart::message("idle.body", {{"seconds", 30L}})) ==
          "The screen will clear in 30 seconds.");
    // The content's constant (rights.yaml: food_allowance_hkd 1236) as the screen shows it.
    CHECK_THAT(speech_text(m, "en", SpokenPart::message("right.food.explain")), Catch::Contains("HK$1,236"));
    CHECK_THAT(speech_text(m, "id", SpokenPart::message("right.food.explain")), Catch::Contains("HK$1.236"));
    CHECK_THAT(m.text("zh_Hant_HK", "right.food.explain"), Catch::Contains("1,236"));
    CHECK_THAT(speech_text(m, "zh_Hant_HK", SpokenPart::message("right.food.explain")), Catch::Contains("1236"));
    CHECK(speech_text(m, "en", SpokenPart::phone_number("999")) == "9 9 9");
    CHECK_THROWS_AS(speech_text(m, "en", SpokenPart::message("no.such.message")), MessageError);
}
