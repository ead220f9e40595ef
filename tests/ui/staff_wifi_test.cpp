// Wi-Fi behind the staff PIN, driven through a scripted NetworkManager: the status row in
// each state, the networks strongest first, joining an open network and a locked one, a
// wrong passphrase, and a passphrase that is never drawn while hidden and never survives
// leaving its screen.
#include "kiosk/app/frame_check.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/scripted_wifi.h"
#include "kiosk/app/test_driver.h"
#include "kiosk/core/staff_pin.h"
#include "kiosk/ui/theme.h"
#include "tests/ui/ui_test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <future>

using namespace selfcheck;
using namespace selfcheck::testing;
using namespace std::chrono_literals;

namespace {

KioskConfig wifi_config(const FakeClock& clock, std::shared_ptr<WifiControl> wifi, int width = 480, int height = 800) {
    KioskConfig config = headless(width, height);
    config.clock = clock.source();
    config.device.staff_pin_hash = test_staff_pin_hash();
    config.wifi = std::move(wifi);
    return config;
}

void open_panel(TestDriver& driver, KioskApp& app, const FakeClock& clock) {
    driver.settle();
    const ImVec2 corner = app.staff_corner();
    driver.hold(ImVec2(corner.x * 0.5f, corner.y * 0.5f), [&] { clock.advance(3s); });
    for (char c : std::string(kTestStaffPin)) driver.tap(std::string("pin.") + c);
    driver.tap("pin.ok");
    driver.settle_wifi();
    REQUIRE(app.screen_name() == "staff_panel");
}

void open_network_list(TestDriver& driver, KioskApp& app, const FakeClock& clock) {
    open_panel(driver, app, clock);
    driver.tap("staff.wifi");
    driver.settle_wifi();
    REQUIRE(app.screen_name() == "staff_wifi");
}

bool text_shown(KioskApp& app, const std::string& fragment) {
    for (const auto& drawn : app.registry().texts())
        if (drawn.text.find(fragment) != std::string::npos) return true;
    return false;
}

// Types on the on-screen keyboard as staff would: the page each key is on, shift for capitals.
void type_on_keyboard(TestDriver& driver, KioskApp&, const std::string& text) {
    for (char c : text) {
        if (c == ' ') {
            driver.tap("kb.space");
            continue;
        }
        // The page the key is on: at most three pages round.
        const std::string key = std::string("kb.") + char(std::tolower(static_cast<unsigned char>(c)));
        for (int page = 0; page < 3 && !driver.has(key); ++page) driver.tap("kb.page");
        if (std::isupper(static_cast<unsigned char>(c))) driver.tap("kb.shift");
        driver.tap(std::string("kb.") + c);
    }
}

std::shared_ptr<ScriptedWifi> sample_wifi() { return std::make_shared<ScriptedWifi>(ScriptedWifi::sample()); }

// A phone-sized kiosk with the sample networks, its panel open on the network list.
struct OnNetworkList {
    FakeClock clock;
    std::shared_ptr<ScriptedWifi> wifi = sample_wifi();
    KioskApp app{wifi_config(clock, wifi)};
    TestDriver driver{app};
    OnNetworkList() { open_network_list(driver, app, clock); }
};

}  // namespace

TEST_CASE("the staff panel's Wi-Fi row says how the connection stands") {
    struct Case {
        WifiStatus status;
        std::string says;
    };
    const std::vector<Case> cases = {
        {{WifiState::Connected, "wlan0", "Centre Wi-Fi", 82, "192.168.8.23/24", ""},
         "Wi-Fi: connected to Centre Wi-Fi, signal 82%, address 192.168.8.23/24"},
        {{WifiState::Connecting, "wlan0", "Centre Wi-Fi", -1, "", ""}, "Wi-Fi: connecting to Centre Wi-Fi…"},
        {{WifiState::Disconnected, "wlan0", "", -1, "", ""}, "Wi-Fi: not connected"},
        {{WifiState::Unavailable, "", "", -1, "", "NetworkManager is not running"},
         "Wi-Fi: unavailable (NetworkManager is not running)"},
    };
    for (const auto& c : cases) {
        INFO(c.says);
        FakeClock clock;
        ScriptedWifi::Script script = ScriptedWifi::sample();
        script.status = c.status;
        KioskApp app(wifi_config(clock, std::make_shared<ScriptedWifi>(script)));
        TestDriver driver(app);
        open_panel(driver, app, clock);
        CHECK(text_shown(app, c.says));
        CHECK(driver.has("staff.wifi"));
        check_text_of_frame(app);
    }
}

TEST_CASE("without a Wi-Fi control the panel has no Wi-Fi row and no Wi-Fi action") {
    FakeClock clock;
    KioskApp app(wifi_config(clock, nullptr));
    TestDriver driver(app);
    open_panel(driver, app, clock);
    CHECK_FALSE(driver.has("staff.wifi"));
    CHECK_FALSE(text_shown(app, "Wi-Fi"));
}

TEST_CASE("the network list says it is looking, then shows the strongest first") {
    FakeClock clock;
    ScriptedWifi::Script script = ScriptedWifi::sample();
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    script.before_scan = [released] { released.wait(); };
    // Out of order, as a driver might give them: the list sorts them.
    std::reverse(script.networks.begin(), script.networks.end());
    KioskApp app(wifi_config(clock, std::make_shared<ScriptedWifi>(script)));
    // Let the scan go even if a check below fails, before the app (and its worker) is gone.
    struct Release {
        std::promise<void>& promise;
        bool done = false;
        void now() {
            if (!done) promise.set_value();
            done = true;
        }
        ~Release() { now(); }
    } guard{release};
    TestDriver driver(app);
    open_panel(driver, app, clock);
    driver.tap("staff.wifi");
    CHECK(text_shown(app, "Looking for networks…"));
    CHECK_FALSE(driver.has("wifi.network.Centre Wi-Fi"));
    check_text_of_frame(app);
    guard.now();
    driver.settle_wifi();
    CHECK_FALSE(text_shown(app, "Looking for networks…"));

    float last_top = -1;
    for (const char* ssid : {"Centre Wi-Fi", "Community Hall", "Staff Office", "Cafe Guest"}) {
        INFO(ssid);
        const auto rect = app.registry().find(std::string("wifi.network.") + ssid);
        REQUIRE(rect);
        CHECK(rect->min.y > last_top);
        last_top = rect->min.y;
    }
    CHECK(text_shown(app, "Centre Wi-Fi, signal 82%, in use"));
    CHECK(text_shown(app, "Community Hall, signal 64%"));
    // Enterprise: listed with why, not a tap target.
    CHECK_FALSE(driver.has("wifi.network.Head Office 802.1X"));
    CHECK(text_shown(app, "Head Office 802.1X, signal 35%: this panel cannot join it"));
    check_text_of_frame(app);
}

TEST_CASE("tapping an open network joins it and the panel says connected") {
    OnNetworkList kiosk;
    auto& [clock, wifi, app, driver] = kiosk;
    driver.tap("wifi.network.Community Hall");
    driver.settle_wifi();
    CHECK(wifi->joined() == std::vector<std::string>{"Community Hall"});
    CHECK(app.screen_name() == "staff_panel");
    CHECK(text_shown(app, "Wi-Fi: connected to Community Hall, signal 64%"));
}

TEST_CASE("a passphrase network needs 8 characters before Join, and joins with the right one") {
    OnNetworkList kiosk;
    auto& [clock, wifi, app, driver] = kiosk;
    driver.tap("wifi.network.Staff Office");
    REQUIRE(app.screen_name() == "staff_wifi_passphrase");
    CHECK(text_shown(app, "Passphrase for Staff Office"));
    CHECK(text_shown(app, "0 characters (8 to 63)"));
    type_on_keyboard(driver, app, "office-");
    CHECK(text_shown(app, "7 characters"));
    CHECK_FALSE(driver.has("wifi.join"));  // drawn, but no target: Join cannot be tapped yet
    CHECK(text_shown(app, "Join"));
    type_on_keyboard(driver, app, "passphrase");
    REQUIRE(driver.has("wifi.join"));
    driver.tap("wifi.join");
    CHECK(app.staff_panel().passphrase().length() == 0);  // wiped as soon as it was handed on
    driver.settle_wifi();
    CHECK(wifi->joined() == std::vector<std::string>{"Staff Office"});
    CHECK(app.screen_name() == "staff_panel");
    CHECK(text_shown(app, "Wi-Fi: connected to Staff Office"));
}

TEST_CASE("a wrong passphrase shows NetworkManager's reason and keeps the list") {
    OnNetworkList kiosk;
    auto& [clock, wifi, app, driver] = kiosk;
    driver.tap("wifi.network.Staff Office");
    type_on_keyboard(driver, app, "Wrong Guess");
    driver.tap("wifi.join");
    driver.settle_wifi();
    CHECK(app.screen_name() == "staff_wifi");
    CHECK(text_shown(app, "Could not join Staff Office: Secrets were required, but not provided"));
    CHECK(driver.has("wifi.network.Staff Office"));
    CHECK(driver.has("wifi.network.Community Hall"));
    CHECK(text_shown(app, "Wi-Fi: connected to Centre Wi-Fi"));  // still on the old network
    CHECK_FALSE(text_shown(app, "Wrong Guess"));
    check_text_of_frame(app);
}

TEST_CASE("the passphrase is drawn only while staff choose to see it") {
    OnNetworkList kiosk;
    auto& [clock, wifi, app, driver] = kiosk;
    driver.tap("wifi.network.Staff Office");
    type_on_keyboard(driver, app, "secret99");
    CHECK(app.staff_panel().passphrase().text() == "secret99");
    CHECK_FALSE(text_shown(app, "secret"));  // dots only
    driver.tap("wifi.show");
    CHECK(text_shown(app, "secret99"));
    check_text_of_frame(app);
    driver.tap("wifi.show");  // now "Hide"
    CHECK_FALSE(text_shown(app, "secret"));
}

TEST_CASE("Cancel, the way out and idle leave no passphrase typed") {
    for (const std::string way : {"wifi.cancel", "staff.close", "idle"}) {
        INFO(way);
        OnNetworkList kiosk;
        auto& [clock, wifi, app, driver] = kiosk;
        driver.tap("wifi.network.Staff Office");
        type_on_keyboard(driver, app, "half typ");
        driver.tap("wifi.show");
        REQUIRE(app.staff_panel().passphrase().length() == 8);
        if (way == "idle") {
            clock.advance(200s);
            driver.settle();
            driver.settle();
        } else {
            driver.tap(way);
        }
        CHECK(app.screen_name() == (way == "wifi.cancel" ? "staff_wifi" : "welcome"));
        CHECK(app.staff_panel().passphrase().length() == 0);
        CHECK_FALSE(app.staff_panel().passphrase().shown());
        CHECK_FALSE(text_shown(app, "half typ"));
        if (way != "wifi.cancel") open_network_list(driver, app, clock);
        driver.tap("wifi.network.Staff Office");  // back again: an empty field, hidden
        CHECK(text_shown(app, "0 characters (8 to 63)"));
    }
}

TEST_CASE("the Wi-Fi screens read in every language at every size") {
    const auto shots = std::filesystem::path(SELFCHECK_BINARY_DIR) / "screenshots" / "staff";
    std::filesystem::create_directories(shots);
    for (const auto& [width, height] : {std::pair{480, 800}, {800, 1280}, {1920, 1080}}) {
        for (const std::string locale : {"id", "fil", "en", "zh_Hant_HK"}) {
            INFO(locale << " " << width << "x" << height);
            FakeClock clock;
            KioskConfig config = wifi_config(clock, sample_wifi(), width, height);
            config.chrome_locale = locale;
            config.device.locked = false;  // every panel action, Close the kiosk too
            KioskApp app(config);
            TestDriver driver(app);
            const std::string suffix = locale + "-" + std::to_string(width) + "x" + std::to_string(height) + ".png";
            auto check_screen = [&](const std::string& name, bool opened) {
                check_text_of_frame(app);
                if (opened) CHECK(opening_problems(app) == std::vector<std::string>{});
                check_not_blank(driver.screenshot(shots / (name + "-" + suffix)));
            };
            open_panel(driver, app, clock);
            check_screen("staff-panel-wifi", true);
            driver.tap("staff.wifi");
            check_screen("staff-wifi-looking", true);
            driver.settle_wifi();
            check_screen("staff-wifi", true);
            driver.tap("wifi.network.Staff Office");
            check_screen("staff-wifi-passphrase", true);
            // The keys at least the minimum target, ten across even on a phone.
            const float min_target = std::max(min_target_px(app.screen_dpi()), ui::theme().min_target * app.fonts().em);
            for (const char* key : {"kb.q", "kb.p", "kb.shift", "kb.page", "kb.space", "kb.erase", "wifi.show",
                                    "wifi.cancel", "staff.close"}) {
                INFO(key);
                const auto rect = app.registry().find(key);
                REQUIRE(rect);
                CHECK(rect->max.x - rect->min.x >= min_target - 0.01f);  // float rounding of max - min
                CHECK(rect->max.y - rect->min.y >= min_target - 0.01f);
            }
            driver.tap("kb.page");
            check_screen("staff-wifi-symbols", false);
            // The longest passphrase, shown: it wraps inside its box. (Filled through the model:
            // 63 taps at every size and language would only slow the test.)
            for (int i = 0; i < 63; ++i) app.staff_panel().passphrase().press(char('a' + i % 26));
            driver.settle();  // the box has grown: Show is lower down now
            driver.tap("wifi.show");
            REQUIRE(app.staff_panel().passphrase().shown());
            check_screen("staff-wifi-passphrase-shown", false);
            CHECK(driver.has("wifi.join"));
            driver.tap("wifi.cancel");
            driver.tap("wifi.network.Community Hall");
            driver.settle_wifi();
            check_screen("staff-panel-joined", false);
        }
    }
}
