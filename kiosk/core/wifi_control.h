#pragma once
// Wi-Fi for the staff panel: the connection's state, a scan, and joining a network staff
// picked, through NetworkManager's command-line client (nmcli, terse output). The device
// image lets the kiosk user do this (polkit rule, image/rootfs/etc/polkit-1/rules.d).
//
// Every call blocks while nmcli runs: status() for well under a second, scan() for a few
// seconds, connect() up to the time limit. Call them off the UI thread.
#include "kiosk/core/command_runner.h"
#include "kiosk/core/wifi_network.h"

#include <chrono>
#include <string>
#include <vector>

namespace selfcheck {

enum class WifiState {
    Unavailable,   // no Wi-Fi adapter, the radio is off, or NetworkManager is not running
    Disconnected,  // an adapter, no network joined
    Connecting,    // joining, or waiting for an address
    Connected,
};

enum class WifiSecurity {
    Open,
    Passphrase,   // WPA/WPA2/WPA3 personal: a passphrase joins it
    Unsupported,  // enterprise (802.1X) or WEP: set it up in kiosk.yaml's terms or not at all
};

struct WifiStatus {
    WifiState state = WifiState::Unavailable;
    std::string device;       // e.g. wlan0; empty without an adapter
    std::string ssid;         // the network joined or being joined
    int signal_percent = -1;  // -1: not known
    std::string address;      // IPv4 address with prefix, e.g. 192.168.1.20/24; empty if none
    std::string reason;       // for Unavailable: why, in a sentence for staff
};

struct WifiScanEntry {
    std::string ssid;
    int signal_percent = 0;
    WifiSecurity security = WifiSecurity::Open;
    bool in_use = false;  // the network joined now
};

class WifiControl {
public:
    virtual ~WifiControl() = default;
    virtual WifiStatus status() = 0;
    // Networks in reach, strongest first, each name once; hidden networks are left out.
    // Throws WifiError.
    virtual std::vector<WifiScanEntry> scan() = 0;
    // Joins `ssid` (empty passphrase: an open network) and keeps it for the next boots.
    // Returns when connected; throws WifiError with NetworkManager's reason otherwise (a
    // wrong passphrase, the network gone, the time up).
    virtual void connect(const std::string& ssid, const std::string& passphrase) = 0;
};

// The real one: NetworkManager through nmcli. `runner` defaults to run_command.
class NmcliWifi : public WifiControl {
public:
    explicit NmcliWifi(CommandRunner runner = {}, std::chrono::seconds connect_limit = std::chrono::seconds(45));
    WifiStatus status() override;
    std::vector<WifiScanEntry> scan() override;
    void connect(const std::string& ssid, const std::string& passphrase) override;

private:
    CommandResult nmcli(const std::vector<std::string>& args);
    std::string wifi_device();  // empty when there is none

    CommandRunner runner_;
    std::chrono::seconds connect_limit_;
};

// nmcli's terse output splits fields at ':' and escapes ':' and '\' with '\'.
std::vector<std::string> split_nmcli_fields(const std::string& line);

// Words for staff, e.g. "connected" (for logs and the staff panel's fallback text).
const char* wifi_state_name(WifiState state);

}  // namespace selfcheck
