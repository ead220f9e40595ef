#pragma once
// A Wi-Fi network the device should join: from kiosk.yaml's `wifi:` section (or a USB stick
// carrying one), or picked by staff from a scan. The rules for SSIDs and passphrases live
// here, and so does the NetworkManager keyfile the device image writes for each configured
// network at boot (image/rootfs/usr/lib/selfcheck/wifi-setup).
#include <stdexcept>
#include <string>

namespace selfcheck {

// A Wi-Fi problem: a bad SSID or passphrase, or NetworkManager refusing or failing.
class WifiError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct WifiNetworkConfig {
    std::string ssid;
    std::string passphrase;  // empty: an open network
    bool hidden = false;     // true: not broadcast, so it is probed for by name
};

// Throw WifiError saying what is wrong. An SSID is 1 to 32 bytes without control
// characters; a WPA passphrase is 8 to 63 printable ASCII characters, or 64 hex digits.
void check_ssid(const std::string& ssid);
void check_passphrase(const std::string& passphrase);

// A NetworkManager keyfile (nm-settings-keyfile(5)) for `network`, with the connection name
// `id`; autoconnect, DHCP for IPv4 and IPv6. The SSID is written as bytes, so any SSID is
// kept exactly. The file holds the passphrase: write it 0600, owned by root.
std::string nm_keyfile(const WifiNetworkConfig& network, const std::string& id);

}  // namespace selfcheck
