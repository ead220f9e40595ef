#pragma once
// The one per-device config file (kiosk.yaml), as `collector device add` prints it: where
// the kiosk stands, where it sends, the key it seals to, the staff PIN hash and the look.
// Validated in full at start; every problem names the file, line, key and what is wrong.
#include "kiosk/core/audio_mode.h"
#include "kiosk/core/kiosk_defaults.h"
#include "kiosk/core/wifi_network.h"
#include "protocol/content/content_error.h"
#include "protocol/crypto/sealing.h"
#include "protocol/crypto/signing.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace selfcheck {

// What kiosk.yaml sets. Without a kiosk.yaml (demo mode, development) these defaults hold.
struct DeviceConfig {
    std::string site = defaults::kDemoSite;
    std::string collector_url;                // empty: records stay queued on the device
    std::string device_token;                 // from `collector device add`
    std::optional<PublicKey> ngo_public_key;  // none (demo mode only): results are shown, not kept
    // The NGO's content publisher (`collector content keygen`): only bundles it signed are
    // taken (kiosk/core/content_updates.h). None: no content updates.
    std::optional<SigningPublicKey> content_publisher_key;
    std::string staff_pin_hash;                                           // empty: the staff panel cannot be opened
    std::chrono::seconds idle_prompt_after = defaults::kIdlePromptAfter;  // idle_timeout_seconds
    std::vector<std::string> languages;                                   // empty: every language of the form
    std::string title;                // empty: the neutral default from the messages
    bool locked = defaults::kLocked;  // true: the staff panel offers no exit
    int screen_dpi = 0;               // 0: ask the display
    std::int64_t max_queued_records = defaults::kMaxQueuedRecords;
    int max_queued_days = defaults::kMaxQueuedDays;
    AudioMode audio = defaults::kAudio;
    std::vector<WifiNetworkConfig> wifi;  // networks the device joins; empty: wired only
};

// Throws ContentError. `form_languages` are the locales the form offers; a language the
// form lacks is an error rather than a blank screen.
DeviceConfig load_device_config(const std::filesystem::path& file, const std::vector<std::string>& form_languages);

// Only the `wifi:` section, with the same checks: for the device image's Wi-Fi set-up at
// boot (kiosk-wifi keyfiles), which needs no form. Throws ContentError.
std::vector<WifiNetworkConfig> load_wifi_networks(const std::filesystem::path& file);

}  // namespace selfcheck
