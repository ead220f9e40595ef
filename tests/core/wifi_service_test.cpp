// The staff panel's Wi-Fi worker: nmcli's calls run off the caller's thread, a scan comes
// back strongest first, a join's failure keeps NetworkManager's words, and the status is
// read again no more often than asked.
#include "kiosk/core/wifi_service.h"

#include "kiosk/core/wifi_network.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <thread>

using namespace selfcheck;
using namespace std::chrono_literals;

namespace {

struct FakeWifi : WifiControl {
    std::atomic<int> status_reads{0};
    std::thread::id caller = std::this_thread::get_id();
    std::atomic<bool> on_caller_thread{false};
    std::vector<WifiScanEntry> networks;
    std::string last_passphrase;

    WifiStatus status() override {
        ++status_reads;
        if (std::this_thread::get_id() == caller) on_caller_thread = true;
        return WifiStatus{WifiState::Disconnected, "wlan0", "", -1, "", ""};
    }
    std::vector<WifiScanEntry> scan() override {
        if (std::this_thread::get_id() == caller) on_caller_thread = true;
        return networks;
    }
    void connect(const std::string& ssid, const std::string& passphrase) override {
        last_passphrase = passphrase;
        if (ssid == "Locked") throw WifiError("Secrets were required, but not provided");
    }
};

void wait_idle(const WifiService& service) {
    const auto limit = std::chrono::steady_clock::now() + 10s;
    while (service.busy() && std::chrono::steady_clock::now() < limit) std::this_thread::sleep_for(1ms);
    REQUIRE_FALSE(service.busy());
}

}  // namespace

TEST_CASE("a scan runs on the worker and lists the strongest first", "[wifi]") {
    FakeWifi wifi;
    wifi.networks = {{"Weak", 20, WifiSecurity::Open, false},
                     {"Strong", 90, WifiSecurity::Passphrase, false},
                     {"Middle", 50, WifiSecurity::Unsupported, false}};
    std::atomic<int> changes{0};
    WifiService service(wifi, {5s, std::chrono::steady_clock::now, [&] { ++changes; }});
    CHECK(service.scan().state == WifiService::ScanState::Idle);
    service.start_scan();
    wait_idle(service);
    const auto scan = service.scan();
    REQUIRE(scan.state == WifiService::ScanState::Listed);
    REQUIRE(scan.networks.size() == 3);
    CHECK(scan.networks[0].ssid == "Strong");
    CHECK(scan.networks[1].ssid == "Middle");
    CHECK(scan.networks[2].ssid == "Weak");
    CHECK(changes > 0);
    CHECK_FALSE(wifi.on_caller_thread);
}

TEST_CASE("a failed join keeps NetworkManager's reason; a good one reads the status again", "[wifi]") {
    FakeWifi wifi;
    WifiService service(wifi, {});
    service.start_join("Locked", "wrong-passphrase");
    wait_idle(service);
    CHECK(service.join().state == WifiService::JoinState::Failed);
    CHECK(service.join().error == "Secrets were required, but not provided");
    CHECK(wifi.last_passphrase == "wrong-passphrase");
    const int reads = wifi.status_reads;
    service.start_join("Open", "");
    wait_idle(service);
    CHECK(service.join().state == WifiService::JoinState::Joined);
    CHECK(wifi.status_reads == reads + 1);
    service.clear();
    CHECK(service.join().state == WifiService::JoinState::Idle);
}

TEST_CASE("the status is read again only once it is older than asked", "[wifi]") {
    FakeWifi wifi;
    auto now = std::chrono::steady_clock::time_point{};
    WifiService service(wifi, {5s, [&] { return now; }, {}});
    CHECK_FALSE(service.status());
    service.refresh_status();
    service.refresh_status();
    wait_idle(service);
    CHECK(wifi.status_reads == 1);
    REQUIRE(service.status());
    CHECK(service.status()->state == WifiState::Disconnected);
    now += 4s;
    service.refresh_status();
    wait_idle(service);
    CHECK(wifi.status_reads == 1);
    now += 2s;
    service.refresh_status();
    wait_idle(service);
    CHECK(wifi.status_reads == 2);
}
