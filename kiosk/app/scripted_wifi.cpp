#include "kiosk/app/scripted_wifi.h"

#include "kiosk/core/wifi_network.h"

namespace selfcheck {

ScriptedWifi::Script ScriptedWifi::sample() {
    Script script;
    script.status = {WifiState::Connected, "wlan0", "Centre Wi-Fi", 82, "192.168.8.23/24", ""};
    script.networks = {{"Centre Wi-Fi", 82, WifiSecurity::Passphrase, true},
                       {"Community Hall", 64, WifiSecurity::Open, false},
                       {"Staff Office", 48, WifiSecurity::Passphrase, false},
                       {"Head Office 802.1X", 35, WifiSecurity::Unsupported, false},
                       {"Cafe Guest", 20, WifiSecurity::Open, false}};
    script.passphrases = {{"Centre Wi-Fi", "centre-passphrase"}, {"Staff Office", "office-passphrase"}};
    return script;
}

WifiStatus ScriptedWifi::status() {
    std::lock_guard<std::mutex> lock(mutex_);
    return script_.status;
}

std::vector<WifiScanEntry> ScriptedWifi::scan() {
    std::function<void()> before;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        before = script_.before_scan;
    }
    if (before) before();
    std::lock_guard<std::mutex> lock(mutex_);
    if (!script_.scan_error.empty()) throw WifiError(script_.scan_error);
    return script_.networks;
}

void ScriptedWifi::connect(const std::string& ssid, const std::string& passphrase) {
    std::lock_guard<std::mutex> lock(mutex_);
    joined_.push_back(ssid);
    const WifiScanEntry* network = nullptr;
    for (const auto& n : script_.networks)
        if (n.ssid == ssid) network = &n;
    if (!network) throw WifiError("no network with SSID '" + ssid + "' found");
    // nmcli's words for a wrong passphrase (NetworkManager's "secrets were required").
    if (network->security == WifiSecurity::Passphrase && script_.passphrases[ssid] != passphrase)
        throw WifiError("Secrets were required, but not provided");
    script_.status = {WifiState::Connected, "wlan0", ssid, network->signal_percent, "192.168.8.40/24", ""};
    for (auto& n : script_.networks) n.in_use = n.ssid == ssid;
}

std::vector<std::string> ScriptedWifi::joined() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return joined_;
}

}  // namespace selfcheck
