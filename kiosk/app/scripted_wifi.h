#pragma once
// A stand-in for NetworkManager: the networks and the connection a script says, joined with
// the passphrase it holds. The screenshot set shows the Wi-Fi screens with it, and tests
// drive the staff panel's Wi-Fi through it, with no radio and no nmcli.
#include "kiosk/core/wifi_control.h"

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace selfcheck {

class ScriptedWifi : public WifiControl {
public:
    struct Script {
        WifiStatus status;
        std::vector<WifiScanEntry> networks;
        std::map<std::string, std::string> passphrases;  // the right one for each passphrase network
        std::string scan_error;                          // non-empty: scan() fails with it
        std::function<void()> before_scan;               // tests hold a scan under way with it
    };
    explicit ScriptedWifi(Script script) : script_(std::move(script)) {}

    // A centre's neighbourhood: the network in use, open and locked ones, an enterprise one.
    static Script sample();

    WifiStatus status() override;
    std::vector<WifiScanEntry> scan() override;
    void connect(const std::string& ssid, const std::string& passphrase) override;

    std::vector<std::string> joined() const;  // every ssid connect() was asked for, in order

private:
    mutable std::mutex mutex_;
    Script script_;
    std::vector<std::string> joined_;
};

}  // namespace selfcheck
