#pragma once
// How this kiosk runs. Walking-skeleton scope: set from the command line; a validated config
// file (site code, NGO key, collector URL, PIN hash, ...) comes with the private store.
#include "kiosk/store/outbox.h"
#include "protocol/crypto/sealing.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace selfcheck {

struct KioskConfig {
    // kiosk.yaml (see docs/protocol.md). When set, its values override the ones below.
    std::filesystem::path device_config_file;
    std::filesystem::path content_dir = SELFCHECK_DEFAULT_CONTENT_DIR;
    std::filesystem::path locales_dir = SELFCHECK_DEFAULT_LOCALES_DIR;
    std::string collector_url;                // e.g. http://127.0.0.1:8080; empty: keep records queued
    std::string device_token;                 // from `collector device add`
    std::optional<PublicKey> ngo_public_key;  // none: results are shown but not kept (demo)
    std::filesystem::path data_dir;           // the outbox lives here; empty: beside kiosk.yaml
    OutboxLimits outbox_limits;
    // Sync timing; tests shorten the random delay so a walk's record goes at once.
    std::chrono::milliseconds sync_min_delay{30 * 1000};
    std::chrono::milliseconds sync_max_delay{5 * 60 * 1000};
    std::string site = "demo-site";
    std::string chrome_locale = "en";  // the chrome's language before one is chosen
    bool headless = false;
    bool fullscreen = true;
    // Pixels per inch, for sizes in the real world (text >= 18 pt, touch targets >= 9 mm).
    // 0: ask the display; a headless display counts as 96, the reference density.
    int screen_dpi = 0;
    int width = 1280;
    int height = 800;
    std::chrono::seconds idle_prompt_after{90};  // quiet time before "Still there?"
    std::chrono::seconds idle_countdown{20};     // then the wipe
    std::string staff_pin_hash;                  // empty: the staff panel cannot be opened
    bool locked = false;                 // true: the staff panel offers no way out (kiosk.yaml defaults to true)
    std::string title;                   // the neutral top-bar title; empty: the messages' own
    std::vector<std::string> languages;  // offered on the welcome screen; empty: all of the form's
    // The kiosk's sense of time; tests replace it to jump ahead without waiting.
    std::function<std::chrono::steady_clock::time_point()> clock = std::chrono::steady_clock::now;
};

}  // namespace selfcheck
