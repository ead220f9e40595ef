// kiosk.yaml: a good file loads; every kind of mistake is refused with the file, line, key
// and what is wrong, so whoever set up the device can fix it without reading code.
#include "kiosk/core/device_config.h"

#include "kiosk/core/staff_pin.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace selfcheck;

namespace {

const std::vector<std::string> kFormLanguages = {"id", "fil", "en", "zh_Hant_HK"};
// 32 bytes of 0x01 in standard base64.
const std::string kKey = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";
const std::string kToken = "dGhpcy1pcy1hLWRldmljZS10b2tlbi1mb3ItdGVzdHM";

std::string good_config() {
    return "site: wan-chai-centre\n"
           "collector_url: https://collector.example.org/\n"
           "device_token: " +
           kToken +
           "\n"
           "ngo_public_key: \"" +
           kKey +
           "\"\n"
           "idle_timeout_seconds: 120\n"
           "languages: [id, en]\n"
           "title: Information point\n"
           "locked: false\n";
}

std::string error_loading(const std::string& text) {
    testing::TempDir dir;
    try {
        load_device_config(dir.write("kiosk.yaml", text), kFormLanguages);
    } catch (const ContentError& e) {
        return e.what();
    }
    return "(loaded without error)";
}

std::string replace_line(std::string text, const std::string& starts_with, const std::string& line) {
    const auto at = text.find(starts_with);
    REQUIRE(at != std::string::npos);
    text.replace(at, text.find('\n', at) - at, line);
    return text;
}

}  // namespace

TEST_CASE("a complete kiosk config loads with every value", "[device_config]") {
    testing::TempDir dir;
    const DeviceConfig config = load_device_config(dir.write("kiosk.yaml", good_config()), kFormLanguages);
    CHECK(config.site == "wan-chai-centre");
    CHECK(config.collector_url == "https://collector.example.org");  // trailing slash dropped
    CHECK(config.device_token == kToken);
    REQUIRE(config.ngo_public_key);
    CHECK((*config.ngo_public_key)[0] == 1);
    CHECK((*config.ngo_public_key)[31] == 1);
    CHECK(config.idle_prompt_after == std::chrono::seconds(120));
    CHECK(config.languages == std::vector<std::string>{"id", "en"});
    CHECK(config.title == "Information point");
    CHECK_FALSE(config.locked);
    CHECK(config.staff_pin_hash.empty());
}

TEST_CASE("a minimal kiosk config takes safe defaults", "[device_config]") {
    testing::TempDir dir;
    const DeviceConfig config =
        load_device_config(dir.write("kiosk.yaml", "site: demo\nngo_public_key: \"" + kKey + "\"\n"), kFormLanguages);
    CHECK(config.collector_url.empty());
    CHECK(config.locked);  // no way out of the kiosk unless asked for
    CHECK(config.idle_prompt_after == defaults::kIdlePromptAfter);
    CHECK(config.languages.empty());
}

TEST_CASE("a staff PIN hash made by kiosk-hash-pin is accepted", "[device_config]") {
    const std::string hash = hash_staff_pin("482916");
    testing::TempDir dir;
    const auto config = load_device_config(
        dir.write("kiosk.yaml", good_config() + "staff_pin_hash: \"" + hash + "\"\n"), kFormLanguages);
    CHECK(config.staff_pin_hash == hash);
}

TEST_CASE("kiosk config mistakes name the file and line and key", "[device_config]") {
    const std::string good = good_config();
    struct Case {
        std::string text;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {replace_line(good, "site:", "site: Wan Chai"), "kiosk.yaml:1:"},
        {replace_line(good, "site:", "site: Wan Chai"), "'site': use 1 to 64 of a-z"},
        {replace_line(good, "site:", "# no site"), "missing required key 'site'"},
        {replace_line(good, "collector_url:", "collector_url: http://collector.example.org"),
         "'collector_url': must use https://"},
        {replace_line(good, "collector_url:", "collector_url: ftp://x"), "'collector_url': must start with https://"},
        {replace_line(good, "device_token:", "device_token: short"), "'device_token': expected the token"},
        {replace_line(good, "device_token:", "# no token"), "missing required key 'device_token'"},
        {replace_line(good, "ngo_public_key:", "ngo_public_key: \"AQEB\""), "ngo_public_key: expected 32 bytes, got 3"},
        {replace_line(good, "ngo_public_key:", "ngo_public_key: \"not base64!\""), "ngo_public_key"},
        {replace_line(good, "idle_timeout_seconds:", "idle_timeout_seconds: 5"),
         "'idle_timeout_seconds': must be from 30 to 900, not 5"},
        {replace_line(good, "idle_timeout_seconds:", "idle_timeout_seconds: soon"), "idle_timeout_seconds"},
        {replace_line(good, "languages:", "languages: [id, ms]"), "'languages': the form has no language 'ms'"},
        {replace_line(good, "languages:", "languages: [en, en]"), "'en' is listed twice"},
        {replace_line(good, "languages:", "languages: []"), "'languages': expected a list"},
        {good + "staff_pin_hash: \"1234\"\n", "'staff_pin_hash': not a hash made by kiosk-hash-pin"},
        {good + "sitee: typo\n", "sitee"},
        {good + "screen_dpi: 20\n", "'screen_dpi'"},
        {"site: [unclosed\n", "kiosk.yaml:"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK_THAT(error_loading(c.text), Catch::Contains(c.expected));
    }
}

TEST_CASE("plain http is allowed only to this machine", "[device_config]") {
    const std::string good = good_config();
    CHECK_THAT(error_loading(replace_line(good, "collector_url:", "collector_url: http://127.0.0.1:8080")),
               Catch::Contains("loaded without error"));
    CHECK_THAT(error_loading(replace_line(good, "collector_url:", "collector_url: http://localhost/")),
               Catch::Contains("loaded without error"));
    CHECK_THAT(error_loading(replace_line(good, "collector_url:", "collector_url: http://127.0.0.1.evil.example")),
               Catch::Contains("must use https://"));
}

TEST_CASE("a missing kiosk config file is named", "[device_config]") {
    CHECK_THROWS_WITH(load_device_config("/nonexistent/kiosk.yaml", kFormLanguages),
                      Catch::Contains("/nonexistent/kiosk.yaml"));
}

TEST_CASE("kiosk config wifi: networks load in order, open and hidden ones too", "[device_config][wifi]") {
    testing::TempDir dir;
    const std::string text = good_config() +
                             "wifi:\n"
                             "  - ssid: Centre WiFi\n"
                             "    passphrase: \"correct horse battery\"\n"
                             "  - ssid: Back-office\n"
                             "    hidden: true\n"
                             "    passphrase: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"
                             "  - ssid: Library guest\n";
    const DeviceConfig config = load_device_config(dir.write("kiosk.yaml", text), kFormLanguages);
    REQUIRE(config.wifi.size() == 3);
    CHECK(config.wifi[0].ssid == "Centre WiFi");
    CHECK(config.wifi[0].passphrase == "correct horse battery");
    CHECK_FALSE(config.wifi[0].hidden);
    CHECK(config.wifi[1].hidden);
    CHECK(config.wifi[2].passphrase.empty());
    // The boot-time reader sees the same networks without needing the form.
    const auto only_wifi = load_wifi_networks(dir.path() / "kiosk.yaml");
    REQUIRE(only_wifi.size() == 3);
    CHECK(only_wifi[1].ssid == "Back-office");
}

TEST_CASE("a kiosk config without wifi: has no networks", "[device_config][wifi]") {
    testing::TempDir dir;
    CHECK(load_device_config(dir.write("kiosk.yaml", good_config()), kFormLanguages).wifi.empty());
    CHECK(load_wifi_networks(dir.path() / "kiosk.yaml").empty());
}

TEST_CASE("kiosk config wifi: mistakes name the line and what is wrong", "[device_config][wifi]") {
    struct Case {
        std::string wifi;
        std::string expected;
    };
    const Case cases[] = {
        {"wifi: Centre\n", "kiosk.yaml:9:7: 'wifi': expected a list of networks"},
        {"wifi:\n  - Centre\n", "kiosk.yaml:10:5: 'wifi' entry: expected 'ssid:'"},
        {"wifi:\n  - passphrase: secret-words\n", "'ssid'"},
        {"wifi:\n  - ssid: Centre\n    passphrase: short\n",
         "kiosk.yaml:11:17: 'wifi' 'Centre' 'passphrase': the Wi-Fi passphrase has 5 characters; WPA needs 8 to 63"},
        {"wifi:\n  - ssid: \"\"\n", "'wifi' 'ssid': the network name (SSID) is empty"},
        {"wifi:\n  - ssid: abcdefghijklmnopqrstuvwxyz0123456789\n", "is 36 bytes; at most 32"},
        {"wifi:\n  - ssid: Centre\n  - ssid: Centre\n", "kiosk.yaml:11:11: 'wifi': 'Centre' is listed twice"},
        {"wifi:\n  - ssid: Centre\n    pasword: secret-words\n", "pasword"},
        {"wifi:\n  - ssid: Centre\n    passphrase: \"caf\xc3\xa9 latte\"\n", "only printable ASCII"},
    };
    for (const auto& c : cases) {
        INFO(c.wifi);
        CHECK_THAT(error_loading(good_config() + c.wifi), Catch::Contains(c.expected));
    }
}

TEST_CASE("content_publisher_key pins the publisher, and a bad one names the key", "[device_config]") {
    testing::TempDir dir;
    const DeviceConfig without = load_device_config(dir.write("a.yaml", good_config()), kFormLanguages);
    CHECK_FALSE(without.content_publisher_key);  // no updates unless a publisher is pinned
    const DeviceConfig with = load_device_config(
        dir.write("b.yaml", good_config() + "content_publisher_key: \"" + kKey + "\"\n"), kFormLanguages);
    REQUIRE(with.content_publisher_key);
    CHECK((*with.content_publisher_key)[31] == 1);
    CHECK_THAT(error_loading(good_config() + "content_publisher_key: \"AQEB\"\n"),
               Catch::Contains("content_publisher_key") && Catch::Contains("32 bytes"));
}
