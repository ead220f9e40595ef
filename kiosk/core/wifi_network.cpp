#include "kiosk/core/wifi_network.h"

#include <sodium.h>

#include <algorithm>
#include <cstdio>

namespace selfcheck {

void check_ssid(const std::string& ssid) {
    if (ssid.empty()) throw WifiError("the network name (SSID) is empty");
    if (ssid.size() > 32)
        throw WifiError("the network name (SSID) is " + std::to_string(ssid.size()) + " bytes; at most 32");
    if (std::any_of(ssid.begin(), ssid.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
        throw WifiError("the network name (SSID) contains a control character");
}

void check_passphrase(const std::string& passphrase) {
    if (passphrase.empty()) return;  // an open network
    const bool hex = passphrase.size() == 64 && std::all_of(passphrase.begin(), passphrase.end(), [](char c) {
                         return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                     });
    if (hex) return;
    if (passphrase.size() < 8 || passphrase.size() > 63)
        throw WifiError("the Wi-Fi passphrase has " + std::to_string(passphrase.size()) +
                        " characters; WPA needs 8 to 63 (or 64 hex digits)");
    if (std::any_of(passphrase.begin(), passphrase.end(), [](char c) { return c < 0x20 || c > 0x7e; }))
        throw WifiError("the Wi-Fi passphrase may hold only printable ASCII characters");
}

namespace {

// GKeyFile escapes: a backslash, and a space at the start, would otherwise be read back
// differently. (Control characters cannot occur: check_passphrase refuses them.)
std::string keyfile_value(const std::string& value) {
    std::string out;
    for (size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\')
            out += "\\\\";
        else if (value[i] == ' ' && i == 0)
            out += "\\s";
        else
            out += value[i];
    }
    return out;
}

// The same name always gets the same UUID, so NetworkManager sees a rewritten file at boot
// as the same connection, not a new one.
std::string stable_uuid(const std::string& id, const std::string& ssid) {
    const std::string seed = "selfcheck-wifi\n" + id + "\n" + ssid;
    unsigned char hash[16];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(seed.data()), seed.size(), nullptr, 0);
    hash[6] = static_cast<unsigned char>((hash[6] & 0x0f) | 0x40);  // version 4 layout
    hash[8] = static_cast<unsigned char>((hash[8] & 0x3f) | 0x80);  // RFC 4122 variant
    char text[37];
    std::snprintf(text, sizeof text, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", hash[0],
                  hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7], hash[8], hash[9], hash[10], hash[11],
                  hash[12], hash[13], hash[14], hash[15]);
    return text;
}

}  // namespace

std::string nm_keyfile(const WifiNetworkConfig& network, const std::string& id) {
    check_ssid(network.ssid);
    check_passphrase(network.passphrase);
    std::string ssid_bytes;
    for (unsigned char c : network.ssid) ssid_bytes += std::to_string(int(c)) + ";";
    std::string text = "[connection]\nid=" + keyfile_value(id) + "\nuuid=" + stable_uuid(id, network.ssid) +
                       "\ntype=wifi\nautoconnect=true\n\n[wifi]\nmode=infrastructure\nssid=" + ssid_bytes + "\n";
    if (network.hidden) text += "hidden=true\n";
    if (!network.passphrase.empty())
        text += "\n[wifi-security]\nkey-mgmt=wpa-psk\npsk=" + keyfile_value(network.passphrase) + "\n";
    text += "\n[ipv4]\nmethod=auto\n\n[ipv6]\nmethod=auto\n";
    return text;
}

}  // namespace selfcheck
