// kiosk-wifi: the device's Wi-Fi, outside the kiosk's screens.
//   kiosk-wifi keyfiles kiosk.yaml DIR   one NetworkManager keyfile per network in the wifi:
//                                         section, replacing the ones it wrote before (root, at
//                                         boot: image/rootfs/usr/lib/selfcheck/wifi-setup)
//   kiosk-wifi status                    the connection, one line
//   kiosk-wifi scan                      networks in reach, strongest first
//   kiosk-wifi connect SSID              joins SSID; the passphrase is read from stdin (an
//                                         empty line for an open network), never an argument
// Exit status: 0 done, 1 failed (the reason on stderr), 2 usage.
#include "kiosk/core/device_config.h"
#include "kiosk/core/wifi_control.h"
#include "protocol/content/content_error.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace {

namespace fs = std::filesystem;
using namespace selfcheck;

const char* kPrefix = "selfcheck-config-";

int usage() {
    std::cerr << "usage: kiosk-wifi keyfiles kiosk.yaml DIR | status | scan | connect SSID (passphrase on stdin)\n";
    return 2;
}

const char* security_name(WifiSecurity security) {
    switch (security) {
    case WifiSecurity::Open: return "open";
    case WifiSecurity::Passphrase: return "passphrase";
    case WifiSecurity::Unsupported: return "unsupported";
    }
    return "?";
}

int write_keyfiles(const fs::path& config, const fs::path& dir) {
    const auto networks = load_wifi_networks(config);
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().filename().string().rfind(kPrefix, 0) == 0) fs::remove(entry.path());
    int n = 0;
    for (const auto& network : networks) {
        ++n;
        const std::string id = std::string(kPrefix) + std::to_string(n);
        const fs::path file = dir / (id + ".nmconnection");
        const fs::path tmp = dir / (".tmp-" + id);
        {
            const mode_t old = umask(077);  // NetworkManager ignores keyfiles others may read
            std::ofstream out(tmp, std::ios::trunc);
            umask(old);
            out << nm_keyfile(network, id);
            if (!out) throw WifiError("cannot write " + tmp.string());
        }
        fs::rename(tmp, file);
        std::cout << "kiosk-wifi: " << file.string() << ": '" << network.ssid << "'"
                  << (network.passphrase.empty() ? " (open)" : "") << (network.hidden ? " (hidden)" : "") << "\n";
    }
    if (networks.empty()) std::cout << "kiosk-wifi: no wifi: section in " << config.string() << "\n";
    return 0;
}

int print_status(WifiControl& wifi) {
    const WifiStatus s = wifi.status();
    std::cout << wifi_state_name(s.state);
    if (!s.device.empty()) std::cout << " device=" << s.device;
    if (!s.ssid.empty()) std::cout << " ssid='" << s.ssid << "'";
    if (s.signal_percent >= 0) std::cout << " signal=" << s.signal_percent << "%";
    if (!s.address.empty()) std::cout << " address=" << s.address;
    if (!s.reason.empty()) std::cout << " (" << s.reason << ")";
    std::cout << "\n";
    return 0;
}

int print_scan(WifiControl& wifi) {
    for (const auto& e : wifi.scan())
        std::cout << (e.in_use ? "* " : "  ") << e.signal_percent << "% " << security_name(e.security) << " '" << e.ssid
                  << "'\n";
    return 0;
}

int connect(WifiControl& wifi, const std::string& ssid) {
    if (isatty(STDIN_FILENO)) std::cerr << "passphrase for '" << ssid << "' (empty: open network): " << std::flush;
    std::string passphrase;
    std::getline(std::cin, passphrase);
    if (!passphrase.empty() && passphrase.back() == '\r') passphrase.pop_back();
    wifi.connect(ssid, passphrase);
    std::cout << "kiosk-wifi: connected to '" << ssid << "'\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    const std::string command = argv[1];
    try {
        if (command == "keyfiles" && argc == 4) return write_keyfiles(argv[2], argv[3]);
        NmcliWifi wifi;
        if (command == "status" && argc == 2) return print_status(wifi);
        if (command == "scan" && argc == 2) return print_scan(wifi);
        if (command == "connect" && argc == 3) return connect(wifi, argv[2]);
    } catch (const std::exception& e) {  // ContentError, WifiError, filesystem_error
        std::cerr << "kiosk-wifi: " << e.what() << "\n";
        return 1;
    }
    return usage();
}
