#include "kiosk/core/wifi_control.h"

#include <algorithm>
#include <sstream>

namespace selfcheck {

namespace {

// nmcli's documented exit codes (nmcli(1), "EXIT STATUS").
constexpr int kNmcliTimeout = 3;
constexpr int kNmcliActivationFailed = 4;
constexpr int kNmcliNotRunning = 8;
constexpr int kNmcliNotFound = 10;

std::vector<std::vector<std::string>> terse_rows(const std::string& output) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) rows.push_back(split_nmcli_fields(line));
    return rows;
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (text.rfind("Error: ", 0) == 0) text.erase(0, 7);
    return text;
}

int to_percent(const std::string& text) {
    try {
        return std::clamp(std::stoi(text), 0, 100);
    } catch (const std::exception&) {
        return -1;
    }
}

WifiSecurity security_of(const std::string& text) {
    if (text.find("802.1X") != std::string::npos || text.find("WEP") != std::string::npos)
        return WifiSecurity::Unsupported;
    if (text.find("WPA") != std::string::npos || text.find("SAE") != std::string::npos) return WifiSecurity::Passphrase;
    return WifiSecurity::Open;  // "", "--", or OWE (enhanced open: no passphrase)
}

}  // namespace

std::vector<std::string> split_nmcli_fields(const std::string& line) {
    std::vector<std::string> fields(1);
    for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size())
            fields.back() += line[++i];
        else if (line[i] == ':')
            fields.emplace_back();
        else
            fields.back() += line[i];
    }
    return fields;
}

const char* wifi_state_name(WifiState state) {
    switch (state) {
    case WifiState::Unavailable: return "unavailable";
    case WifiState::Disconnected: return "disconnected";
    case WifiState::Connecting: return "connecting";
    case WifiState::Connected: return "connected";
    }
    return "unknown";
}

NmcliWifi::NmcliWifi(CommandRunner runner, std::chrono::seconds connect_limit)
    : runner_(std::move(runner)), connect_limit_(connect_limit) {
    if (!runner_) {
        const auto limit = std::chrono::milliseconds(connect_limit_ + std::chrono::seconds(15));
        runner_ = [limit](const std::vector<std::string>& argv) { return run_command(argv, limit); };
    }
}

CommandResult NmcliWifi::nmcli(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"nmcli"};
    argv.insert(argv.end(), args.begin(), args.end());
    try {
        return runner_(argv);
    } catch (const CommandError& e) {
        throw WifiError(std::string("NetworkManager's nmcli: ") + e.what());
    }
}

std::string NmcliWifi::wifi_device() {
    const CommandResult r = nmcli({"-t", "-e", "yes", "-f", "DEVICE,TYPE,STATE,CONNECTION", "device", "status"});
    if (r.exit_code == kNmcliNotRunning) throw WifiError("NetworkManager is not running");
    if (r.exit_code != 0) throw WifiError("listing network devices: " + trimmed(r.err));
    for (const auto& row : terse_rows(r.out))
        if (row.size() >= 2 && row[1] == "wifi") return row[0];
    return "";
}

WifiStatus NmcliWifi::status() {
    WifiStatus status;
    CommandResult devices;
    try {
        devices = nmcli({"-t", "-e", "yes", "-f", "DEVICE,TYPE,STATE,CONNECTION", "device", "status"});
    } catch (const WifiError& e) {
        status.reason = e.what();
        return status;
    }
    if (devices.exit_code == kNmcliNotRunning) {
        status.reason = "NetworkManager is not running";
        return status;
    }
    if (devices.exit_code != 0) {
        status.reason = "listing network devices: " + trimmed(devices.err);
        return status;
    }
    for (const auto& row : terse_rows(devices.out)) {
        if (row.size() < 4 || row[1] != "wifi") continue;
        status.device = row[0];
        const std::string& state = row[2];
        if (state == "connected") {
            status.state = WifiState::Connected;
        } else if (state.rfind("connecting", 0) == 0) {
            status.state = WifiState::Connecting;
        } else if (state == "unavailable") {
            status.reason = "the Wi-Fi adapter is not ready (is the radio switched off?)";
        } else if (state == "unmanaged") {
            status.reason = "NetworkManager does not manage the Wi-Fi adapter";
        } else {
            status.state = WifiState::Disconnected;
        }
        if (status.state == WifiState::Connected || status.state == WifiState::Connecting) status.ssid = row[3];
        break;
    }
    if (status.device.empty()) {
        status.reason = "no Wi-Fi adapter";
        return status;
    }
    if (status.state != WifiState::Connected) return status;
    const CommandResult aps = nmcli({"-t", "-e", "yes", "-f", "IN-USE,SSID,SIGNAL", "device", "wifi", "list", "ifname",
                                     status.device, "--rescan", "no"});
    for (const auto& row : terse_rows(aps.out))
        if (row.size() >= 3 && row[0] == "*") {
            status.ssid = row[1];
            status.signal_percent = to_percent(row[2]);
        }
    const CommandResult ip = nmcli({"-t", "-e", "yes", "-f", "IP4.ADDRESS", "device", "show", status.device});
    for (const auto& row : terse_rows(ip.out))
        if (row.size() >= 2 && row[0].rfind("IP4.ADDRESS", 0) == 0 && status.address.empty()) status.address = row[1];
    return status;
}

std::vector<WifiScanEntry> NmcliWifi::scan() {
    const std::string device = wifi_device();
    if (device.empty()) throw WifiError("scanning for Wi-Fi networks: no Wi-Fi adapter");
    const CommandResult r = nmcli({"-t", "-e", "yes", "-f", "IN-USE,SSID,SIGNAL,SECURITY", "device", "wifi", "list",
                                   "ifname", device, "--rescan", "yes"});
    if (r.exit_code != 0) throw WifiError("scanning for Wi-Fi networks: " + trimmed(r.err));
    std::vector<WifiScanEntry> found;
    for (const auto& row : terse_rows(r.out)) {
        if (row.size() < 4 || row[1].empty()) continue;  // a hidden network has no name to show
        WifiScanEntry entry{row[1], std::max(0, to_percent(row[2])), security_of(row[3]), row[0] == "*"};
        auto same = std::find_if(found.begin(), found.end(), [&](const auto& e) { return e.ssid == entry.ssid; });
        if (same == found.end()) {
            found.push_back(entry);
            continue;
        }
        // Several access points of one network: show it once, as strong as its best.
        same->in_use = same->in_use || entry.in_use;
        if (entry.signal_percent > same->signal_percent) {
            same->signal_percent = entry.signal_percent;
            same->security = entry.security;
        }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.signal_percent > b.signal_percent; });
    return found;
}

void NmcliWifi::connect(const std::string& ssid, const std::string& passphrase) {
    const std::string what = "joining Wi-Fi '" + ssid + "': ";
    try {
        check_ssid(ssid);
        check_passphrase(passphrase);
    } catch (const WifiError& e) {
        throw WifiError(what + e.what());
    }
    const std::string device = wifi_device();
    if (device.empty()) throw WifiError(what + "no Wi-Fi adapter");
    // The passphrase is on nmcli's command line for as long as it runs (nmcli has no other
    // way for `device wifi connect`); the device runs no other user's programs.
    std::vector<std::string> args = {"--wait", std::to_string(connect_limit_.count()), "device", "wifi", "connect",
                                     ssid};
    if (!passphrase.empty()) args.insert(args.end(), {"password", passphrase});
    args.insert(args.end(), {"ifname", device});
    const CommandResult r = nmcli(args);
    if (r.exit_code == 0) return;
    const std::string said = trimmed(r.err.empty() ? r.out : r.err);
    if (said.find("Secrets were required") != std::string::npos ||
        said.find("802-11-wireless-security.psk") != std::string::npos)
        throw WifiError(what + "the passphrase was not accepted");
    if (r.exit_code == kNmcliNotFound) throw WifiError(what + "no network of that name is in reach");
    if (r.exit_code == kNmcliTimeout)
        throw WifiError(what + "no connection after " + std::to_string(connect_limit_.count()) + " s");
    if (r.exit_code == kNmcliActivationFailed) throw WifiError(what + "the connection failed: " + said);
    if (r.exit_code == kNmcliNotRunning) throw WifiError(what + "NetworkManager is not running");
    throw WifiError(what + said);
}

}  // namespace selfcheck
