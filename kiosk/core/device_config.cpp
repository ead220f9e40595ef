#include "kiosk/core/device_config.h"

#include "kiosk/core/staff_pin.h"
#include "protocol/content/identifiers.h"
#include "protocol/content/yaml_reader.h"

#include <algorithm>

namespace selfcheck {

namespace {

bool is_loopback_host(const std::string& url, const std::string& scheme) {
    const std::string rest = url.substr(scheme.size());
    for (const char* host : {"127.0.0.1", "localhost", "[::1]"}) {
        const std::string h = host;
        if (rest.compare(0, h.size(), h) == 0 &&
            (rest.size() == h.size() || rest[h.size()] == ':' || rest[h.size()] == '/'))
            return true;
    }
    return false;
}

// https anywhere; plain http only to this machine, where nothing crosses a network.
std::string url_problem(const std::string& url) {
    if (url.rfind("https://", 0) == 0) return url.size() > 8 ? "" : "has no host";
    if (url.rfind("http://", 0) == 0)
        return is_loopback_host(url, "http://")
                   ? ""
                   : "must use https:// (plain http is only allowed to 127.0.0.1 or localhost)";
    return "must start with https://";
}

bool is_base64url_token(const std::string& s) {
    if (s.size() < 32 || s.size() > 128) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

int bounded_int(MapReader& map, const char* key, int fallback, int low, int high) {
    const int value = map.optional_int(key, fallback);
    if (value < low || value > high)
        throw error_at(map.file(), map.node()[key],
                       std::string("'") + key + "': must be from " + std::to_string(low) + " to " +
                           std::to_string(high) + ", not " + std::to_string(value));
    return value;
}

constexpr size_t kMaxWifiNetworks = 8;

// wifi:
//   - ssid: Centre-WiFi
//     passphrase: "at least 8 characters"   # omit for an open network
//     hidden: false                          # true: not broadcast, probed for by name
std::vector<WifiNetworkConfig> read_wifi_section(const std::string& file, const YAML::Node& section) {
    std::vector<WifiNetworkConfig> networks;
    if (!section || section.IsNull()) return networks;
    if (!section.IsSequence() || section.size() == 0)
        throw error_at(file, section, "'wifi': expected a list of networks, each with 'ssid' (and 'passphrase')");
    if (section.size() > kMaxWifiNetworks)
        throw error_at(file, section, "'wifi': at most " + std::to_string(kMaxWifiNetworks) + " networks");
    for (const auto& item : section) {
        if (!item.IsMap()) throw error_at(file, item, "'wifi' entry: expected 'ssid:' (and 'passphrase:')");
        MapReader entry(file, item, "wifi network");
        WifiNetworkConfig network;
        network.ssid = entry.required_string("ssid");
        network.passphrase = entry.optional_string("passphrase");
        network.hidden = entry.optional_bool("hidden", false);
        entry.reject_unknown_keys();
        try {
            check_ssid(network.ssid);
        } catch (const WifiError& e) {
            throw error_at(file, item["ssid"], std::string("'wifi' 'ssid': ") + e.what());
        }
        try {
            check_passphrase(network.passphrase);
        } catch (const WifiError& e) {
            throw error_at(file, item["passphrase"],
                           std::string("'wifi' '") + network.ssid + "' 'passphrase': " + e.what());
        }
        for (const auto& other : networks)
            if (other.ssid == network.ssid)
                throw error_at(file, item["ssid"], "'wifi': '" + network.ssid + "' is listed twice");
        networks.push_back(network);
    }
    return networks;
}

}  // namespace

std::vector<WifiNetworkConfig> load_wifi_networks(const std::filesystem::path& path) {
    const std::string file = path.string();
    const YAML::Node root = load_yaml_file(path);
    if (!root.IsMap()) throw error_at(file, root, "kiosk config: expected keys such as 'site:' and 'wifi:'");
    return read_wifi_section(file, root["wifi"]);
}

DeviceConfig load_device_config(const std::filesystem::path& path, const std::vector<std::string>& form_languages) {
    const std::string file = path.string();
    const YAML::Node root = load_yaml_file(path);
    MapReader map(file, root, "kiosk config");
    DeviceConfig config;

    config.site = map.required_string("site");
    if (!is_slug(config.site))
        throw error_at(file, root["site"], "'site': use 1 to 64 of a-z, 0-9, - and _ (got '" + config.site + "')");

    config.collector_url = map.optional_string("collector_url");
    while (!config.collector_url.empty() && config.collector_url.back() == '/') config.collector_url.pop_back();
    if (!config.collector_url.empty()) {
        if (const std::string problem = url_problem(config.collector_url); !problem.empty())
            throw error_at(file, root["collector_url"], "'collector_url': " + problem);
        config.device_token = map.required_string("device_token");
        if (!is_base64url_token(config.device_token))
            throw error_at(file, root["device_token"],
                           "'device_token': expected the token printed by 'collector device add' (32 to 128 base64url "
                           "characters)");
    } else {
        config.device_token = map.optional_string("device_token");
    }

    const std::string key = map.required_string("ngo_public_key");
    try {
        config.ngo_public_key = parse_public_key(key);
    } catch (const CryptoError& e) {
        throw error_at(file, root["ngo_public_key"], e.what());
    }

    // Optional: without it the kiosk takes no content update and keeps what it was installed with.
    if (const std::string publisher = map.optional_string("content_publisher_key"); !publisher.empty()) {
        try {
            config.content_publisher_key = parse_signing_public_key(publisher, "'content_publisher_key'");
        } catch (const CryptoError& e) {
            throw error_at(file, root["content_publisher_key"], e.what());
        }
    }

    config.staff_pin_hash = map.optional_string("staff_pin_hash");
    if (!config.staff_pin_hash.empty() && !is_valid_pin_hash(config.staff_pin_hash))
        throw error_at(file, root["staff_pin_hash"],
                       "'staff_pin_hash': not a hash made by kiosk-hash-pin (Argon2id, at most MODERATE cost)");

    config.idle_prompt_after =
        std::chrono::seconds(bounded_int(map, "idle_timeout_seconds", int(config.idle_prompt_after.count()), 30, 900));

    if (const YAML::Node languages = map.optional("languages"); languages && !languages.IsNull()) {
        if (!languages.IsSequence() || languages.size() == 0)
            throw error_at(file, languages, "'languages': expected a list such as [id, fil, en, zh_Hant_HK]");
        for (const auto& item : languages) {
            const std::string locale = scalar_string(file, item, "'languages' entry");
            if (std::find(form_languages.begin(), form_languages.end(), locale) == form_languages.end())
                throw error_at(file, item, "'languages': the form has no language '" + locale + "'");
            if (std::find(config.languages.begin(), config.languages.end(), locale) != config.languages.end())
                throw error_at(file, item, "'languages': '" + locale + "' is listed twice");
            config.languages.push_back(locale);
        }
    }

    config.title = map.optional_string("title");
    if (config.title.size() > 60)
        throw error_at(file, root["title"], "'title': at most 60 bytes, so it fits the top bar");
    config.locked = map.optional_bool("locked", config.locked);
    config.screen_dpi = bounded_int(map, "screen_dpi", 0, 0, 1000);
    if (config.screen_dpi != 0 && config.screen_dpi < 50)
        throw error_at(file, root["screen_dpi"], "'screen_dpi': 0 (ask the display) or from 50 to 1000");
    config.max_queued_records = bounded_int(map, "max_queued_records", int(config.max_queued_records), 100, 1000000);
    config.max_queued_days = bounded_int(map, "max_queued_days", config.max_queued_days, 1, 3650);
    if (const std::string audio = map.optional_string("audio"); audio == "headphones")
        config.audio = AudioMode::Headphones;
    else if (audio == "speaker")
        config.audio = AudioMode::Speaker;
    else if (audio == "off")
        config.audio = AudioMode::Off;
    else if (!audio.empty())  // absent: defaults::kAudio
        throw error_at(file, root["audio"], "'audio': expected headphones, speaker or off, not '" + audio + "'");
    config.wifi = read_wifi_section(file, map.optional("wifi"));
    map.reject_unknown_keys();
    return config;
}

}  // namespace selfcheck
