// Wi-Fi core: the SSID and passphrase rules, the NetworkManager keyfile the image writes at
// boot, and the staff panel's status, scan and connect through nmcli (a stand-in runner
// replays what nmcli prints, and records what it was asked), plus the process runner itself.
#include "kiosk/core/command_runner.h"
#include "kiosk/core/wifi_control.h"
#include "kiosk/core/wifi_network.h"

#include <catch2/catch.hpp>

#include <map>

using namespace selfcheck;

namespace {

// Answers nmcli calls by their arguments' first distinguishing words; records every call.
struct FakeNmcli {
    std::map<std::string, CommandResult> replies;  // key: the arguments joined by spaces
    std::vector<std::vector<std::string>> calls;

    CommandRunner runner() {
        return [this](const std::vector<std::string>& argv) {
            calls.push_back(argv);
            std::string key;
            for (size_t i = 1; i < argv.size(); ++i) key += (i > 1 ? " " : "") + argv[i];
            for (const auto& [prefix, reply] : replies)
                if (key.rfind(prefix, 0) == 0) return reply;
            return CommandResult{1, "", "Error: unexpected call: " + key + "\n"};
        };
    }
};

const std::string kDeviceStatus = "-t -e yes -f DEVICE,TYPE,STATE,CONNECTION device status";
const std::string kList = "-t -e yes -f IN-USE,SSID,SIGNAL";

}  // namespace

TEST_CASE("SSIDs and WPA passphrases are checked", "[wifi]") {
    CHECK_NOTHROW(check_ssid("Centre WiFi"));
    CHECK_NOTHROW(check_ssid(std::string(32, 'x')));
    CHECK_THROWS_WITH(check_ssid(""), Catch::Contains("empty"));
    CHECK_THROWS_WITH(check_ssid(std::string(33, 'x')), Catch::Contains("33 bytes; at most 32"));
    CHECK_THROWS_WITH(check_ssid("a\nb"), Catch::Contains("control character"));
    CHECK_NOTHROW(check_passphrase(""));  // open network
    CHECK_NOTHROW(check_passphrase("12345678"));
    CHECK_NOTHROW(check_passphrase(std::string(63, 'p')));
    CHECK_NOTHROW(check_passphrase(std::string(64, 'a')));  // a raw PSK in hex
    CHECK_THROWS_WITH(check_passphrase("1234567"), Catch::Contains("7 characters; WPA needs 8 to 63"));
    CHECK_THROWS_WITH(check_passphrase(std::string(64, 'p')), Catch::Contains("64 characters"));
    CHECK_THROWS_WITH(check_passphrase("tab\there!"), Catch::Contains("printable ASCII"));
}

TEST_CASE("a NetworkManager keyfile keeps the SSID as bytes and escapes the passphrase", "[wifi]") {
    const std::string file = nm_keyfile({"Caf\xc3\xa9;1", " pass\\word", true}, "selfcheck-config-1");
    CHECK_THAT(file, Catch::StartsWith("[connection]\nid=selfcheck-config-1\nuuid="));
    CHECK_THAT(file, Catch::Contains("\ntype=wifi\nautoconnect=true\n"));
    CHECK_THAT(file, Catch::Contains("\n[wifi]\nmode=infrastructure\nssid=67;97;102;195;169;59;49;\nhidden=true\n"));
    CHECK_THAT(file, Catch::Contains("\n[wifi-security]\nkey-mgmt=wpa-psk\npsk=\\spass\\\\word\n"));
    CHECK_THAT(file, Catch::Contains("\n[ipv4]\nmethod=auto\n"));
    // The same network gets the same UUID at every boot; another name, another UUID.
    const auto uuid = [](const std::string& text) { return text.substr(text.find("uuid=") + 5, 36); };
    CHECK(uuid(file) == uuid(nm_keyfile({"Caf\xc3\xa9;1", "other-pass", false}, "selfcheck-config-1")));
    CHECK(uuid(file) != uuid(nm_keyfile({"Caf\xc3\xa9;1", " pass\\word", true}, "selfcheck-config-2")));
    CHECK(uuid(file)[14] == '4');

    const std::string open = nm_keyfile({"Library", "", false}, "selfcheck-config-2");
    CHECK_THAT(open, !Catch::Contains("wifi-security"));
    CHECK_THAT(open, !Catch::Contains("hidden"));
    CHECK_THROWS_AS(nm_keyfile({"Library", "short", false}, "x"), WifiError);
}

TEST_CASE("nmcli's terse fields are split at unescaped colons", "[wifi]") {
    CHECK(split_nmcli_fields("wlan0:wifi:connected:Centre WiFi") ==
          std::vector<std::string>{"wlan0", "wifi", "connected", "Centre WiFi"});
    CHECK(split_nmcli_fields(R"(*:Cafe\:2\\4:70:WPA2)") == std::vector<std::string>{"*", "Cafe:2\\4", "70", "WPA2"});
    CHECK(split_nmcli_fields(" ::") == std::vector<std::string>{" ", "", ""});
}

TEST_CASE("Wi-Fi status: connected, with network, signal and address", "[wifi]") {
    FakeNmcli nm;
    nm.replies[kDeviceStatus] = {
        0, "eth0:ethernet:unavailable:\nwlan0:wifi:connected:selfcheck-config-1\nlo:loopback:unmanaged:\n", ""};
    nm.replies[kList + " device wifi list ifname wlan0 --rescan no"] = {0, " :Neighbour:80\n*:Centre\\: WiFi:64\n", ""};
    nm.replies["-t -e yes -f IP4.ADDRESS device show wlan0"] = {0, "IP4.ADDRESS[1]:192.168.4.20/24\n", ""};
    NmcliWifi wifi(nm.runner());
    const WifiStatus s = wifi.status();
    CHECK(s.state == WifiState::Connected);
    CHECK(s.device == "wlan0");
    CHECK(s.ssid == "Centre: WiFi");
    CHECK(s.signal_percent == 64);
    CHECK(s.address == "192.168.4.20/24");
    CHECK(s.reason.empty());
}

TEST_CASE("Wi-Fi status: no adapter, NetworkManager down, radio off, connecting", "[wifi]") {
    FakeNmcli nm;
    nm.replies[kDeviceStatus] = {0, "eth0:ethernet:connected:Wired connection 1\n", ""};
    CHECK(NmcliWifi(nm.runner()).status().reason == "no Wi-Fi adapter");

    nm.replies[kDeviceStatus] = {8, "", "Error: NetworkManager is not running.\n"};
    const WifiStatus down = NmcliWifi(nm.runner()).status();
    CHECK(down.state == WifiState::Unavailable);
    CHECK(down.reason == "NetworkManager is not running");

    nm.replies[kDeviceStatus] = {0, "wlan0:wifi:unavailable:\n", ""};
    const WifiStatus off = NmcliWifi(nm.runner()).status();
    CHECK(off.state == WifiState::Unavailable);
    CHECK(off.device == "wlan0");
    CHECK_THAT(off.reason, Catch::Contains("radio"));

    nm.replies[kDeviceStatus] = {0, "wlan0:wifi:connecting (getting IP configuration):Centre\n", ""};
    const WifiStatus joining = NmcliWifi(nm.runner()).status();
    CHECK(joining.state == WifiState::Connecting);
    CHECK(joining.ssid == "Centre");

    nm.replies[kDeviceStatus] = {0, "wlan0:wifi:disconnected:\n", ""};
    CHECK(NmcliWifi(nm.runner()).status().state == WifiState::Disconnected);

    const NmcliWifi missing([](const std::vector<std::string>&) -> CommandResult {
        throw CommandError("cannot start 'nmcli': No such file or directory");
    });
    CHECK_THAT(NmcliWifi(missing).status().reason, Catch::Contains("No such file"));
}

TEST_CASE("a Wi-Fi scan lists each network once, strongest first, without hidden ones", "[wifi]") {
    FakeNmcli nm;
    nm.replies[kDeviceStatus] = {0, "wlan0:wifi:connected:Centre\n", ""};
    nm.replies[kList + ",SECURITY device wifi list ifname wlan0 --rescan yes"] = {0,
                                                                                  " :Centre:40:WPA2\n"
                                                                                  "*:Centre:71:WPA2\n"
                                                                                  " ::90:WPA2\n"
                                                                                  " :Library guest:55:\n"
                                                                                  " :Head office:80:WPA2 802.1X\n"
                                                                                  " :Old router:20:WEP\n"
                                                                                  " :New router:30:WPA3\n",
                                                                                  ""};
    const auto found = NmcliWifi(nm.runner()).scan();
    REQUIRE(found.size() == 5);
    CHECK(found[0].ssid == "Head office");
    CHECK(found[0].security == WifiSecurity::Unsupported);
    CHECK(found[1].ssid == "Centre");
    CHECK(found[1].signal_percent == 71);
    CHECK(found[1].in_use);
    CHECK(found[1].security == WifiSecurity::Passphrase);
    CHECK(found[2].ssid == "Library guest");
    CHECK(found[2].security == WifiSecurity::Open);
    CHECK(found[3].ssid == "New router");
    CHECK(found[3].security == WifiSecurity::Passphrase);
    CHECK(found[4].security == WifiSecurity::Unsupported);

    nm.replies[kList + ",SECURITY device wifi list ifname wlan0 --rescan yes"] = {
        1, "", "Error: Scanning not allowed while unavailable.\n"};
    CHECK_THROWS_WITH(NmcliWifi(nm.runner()).scan(),
                      "scanning for Wi-Fi networks: Scanning not allowed while unavailable.");
    nm.replies[kDeviceStatus] = {0, "eth0:ethernet:connected:Wired\n", ""};
    CHECK_THROWS_WITH(NmcliWifi(nm.runner()).scan(), Catch::Contains("no Wi-Fi adapter"));
}

TEST_CASE("joining a network asks NetworkManager with the adapter, and says why it failed", "[wifi]") {
    FakeNmcli nm;
    nm.replies[kDeviceStatus] = {0, "wlan0:wifi:disconnected:\n", ""};
    nm.replies["--wait 30 device wifi connect Centre password correct-horse ifname wlan0"] = {
        0, "Device 'wlan0' successfully activated.\n", ""};
    NmcliWifi wifi(nm.runner(), std::chrono::seconds(30));
    wifi.connect("Centre", "correct-horse");
    CHECK(nm.calls.back() == std::vector<std::string>{"nmcli", "--wait", "30", "device", "wifi", "connect", "Centre",
                                                      "password", "correct-horse", "ifname", "wlan0"});

    nm.replies["--wait 30 device wifi connect Library ifname wlan0"] = {0, "", ""};
    wifi.connect("Library", "");  // open: no password argument
    CHECK(nm.calls.back().size() == 9);

    nm.replies["--wait 30 device wifi connect Centre password wrong-horse"] = {
        4, "", "Error: Connection activation failed: Secrets were required, but not provided.\n"};
    CHECK_THROWS_WITH(wifi.connect("Centre", "wrong-horse"), "joining Wi-Fi 'Centre': the passphrase was not accepted");
    nm.replies["--wait 30 device wifi connect Gone"] = {10, "", "Error: No network with SSID 'Gone' found.\n"};
    CHECK_THROWS_WITH(wifi.connect("Gone", ""), "joining Wi-Fi 'Gone': no network of that name is in reach");
    nm.replies["--wait 30 device wifi connect Slow"] = {3, "", "Error: Timeout expired (30 seconds)\n"};
    CHECK_THROWS_WITH(wifi.connect("Slow", ""), Catch::Contains("no connection after 30 s"));

    const size_t calls = nm.calls.size();
    CHECK_THROWS_WITH(wifi.connect("Centre", "short"), Catch::Contains("WPA needs 8 to 63"));
    CHECK(nm.calls.size() == calls);  // refused before NetworkManager is asked
}

TEST_CASE("run_command collects output and exit status, and stops a program that hangs", "[wifi]") {
    const auto r = run_command({"sh", "-c", "echo out; echo err >&2; exit 3"}, std::chrono::seconds(10));
    CHECK(r.exit_code == 3);
    CHECK(r.out == "out\n");
    CHECK(r.err == "err\n");
    CHECK(run_command({"sh", "-c", "kill -9 $$"}, std::chrono::seconds(10)).exit_code == 128 + 9);
    CHECK_THROWS_WITH(run_command({"sleep", "30"}, std::chrono::milliseconds(200)),
                      "'sleep' did not finish within 200 ms");
    CHECK_THROWS_WITH(run_command({"selfcheck-no-such-program"}, std::chrono::seconds(10)),
                      Catch::Contains("cannot start 'selfcheck-no-such-program'"));
}
