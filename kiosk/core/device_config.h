#pragma once
// The one per-device config file (kiosk.yaml), as `collector device add` prints it: where
// the kiosk stands, where it sends, the key it seals to, the staff PIN hash and the look.
// Validated in full at start; every problem names the file, line, key and what is wrong.
#include "protocol/content/content_error.h"
#include "protocol/crypto/sealing.h"

#include <array>
#include <filesystem>
#include <string>
#include <vector>

namespace selfcheck {

struct DeviceConfig {
    std::string site;
    std::string collector_url;  // empty: records stay queued on the device
    std::string device_token;
    PublicKey ngo_public_key{};
    std::string staff_pin_hash;  // empty: the staff panel cannot be opened
    int idle_timeout_seconds = 90;
    std::vector<std::string> languages;  // empty: every language of the form
    std::string title;                   // empty: the neutral default from the messages
    bool locked = true;                  // true: the staff panel offers no exit
    int screen_dpi = 0;                  // 0: ask the display
    int max_queued_records = 20000;
    int max_queued_days = 180;
};

// Throws ContentError. `form_languages` are the locales the form offers; a language the
// form lacks is an error rather than a blank screen.
DeviceConfig load_device_config(const std::filesystem::path& file, const std::vector<std::string>& form_languages);

}  // namespace selfcheck
