// What the screens say is kept must be true: a demo kiosk (no NGO key) keeps and sends nothing,
// an enrolled one seals her answers without her name and sends them. The privacy notice before
// the first question and the closing words on the result must say so in every language.
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/scripted_walk.h"
#include "kiosk/app/test_driver.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"
#include "tests/ui/ui_test_support.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using namespace selfcheck::testing;

namespace {

const char* const kLocales[] = {"id", "fil", "en", "zh_Hant_HK"};

bool shown(KioskApp& app, const std::string& text) {
    for (const auto& d : app.registry().texts())
        if (d.text == text) return true;
    return false;
}

// One walk in `locale`: the privacy notice and the closing words shown are the right ones.
void check_words(KioskApp& app, const std::string& locale, const char* privacy_key, const char* wrong_privacy_key,
                 const char* closing_key, const char* wrong_closing_key) {
    TestDriver driver(app);
    const Messages& m = app.messages();
    driver.settle();
    driver.tap("lang." + locale);
    REQUIRE(app.screen_name() == "privacy");
    CHECK(shown(app, m.text(locale, privacy_key)));
    CHECK_FALSE(shown(app, m.text(locale, wrong_privacy_key)));
    walk_to(driver, app, locale, first_answer);
    REQUIRE(app.screen_name() == "result");
    driver.scroll_to_end("screen.scroll");  // the closing words end the result
    CHECK(shown(app, m.text(locale, closing_key)));
    CHECK_FALSE(shown(app, m.text(locale, wrong_closing_key)));
    driver.tap("result.finish");
}

}  // namespace

TEST_CASE("a demo kiosk says nothing is kept or sent, before the questions and after them") {
    KioskApp app(headless(480, 800));
    REQUIRE(app.outbox() == nullptr);
    for (const char* locale : kLocales) {
        INFO(locale);
        check_words(app, locale, "privacy.body_demo", "privacy.body", "result.closing_demo", "thanks.body");
    }
}

TEST_CASE("an enrolled kiosk says her answers are sent without her name, and that they were kept") {
    TempDir dir;
    const TestKeyPair ngo;
    KioskConfig config = headless(480, 800);
    config.device.ngo_public_key = ngo.public_key;
    config.data_dir = dir.path();
    KioskApp app(config);
    REQUIRE(app.outbox() != nullptr);
    for (const char* locale : kLocales) {
        INFO(locale);
        check_words(app, locale, "privacy.body", "privacy.body_demo", "thanks.body", "result.closing_demo");
    }
}
