#pragma once
// How this kiosk runs: what kiosk.yaml sets (`device`, kiosk/core/device_config.h), plus what
// only the command line and tests choose (paths, the display, timing, the clock). Defaults
// come from kiosk/core/kiosk_defaults.h.
#include "kiosk/audio/clip_catalog.h"
#include "kiosk/core/device_config.h"
#include "kiosk/core/kiosk_defaults.h"
#include "kiosk/core/wifi_control.h"
#include "protocol/time/dates.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace selfcheck {

struct KioskConfig {
    // kiosk.yaml (see docs/protocol.md). When set, it replaces `device` at start.
    std::filesystem::path device_config_file;
    DeviceConfig device;
    std::filesystem::path content_dir = SELFCHECK_DEFAULT_CONTENT_DIR;
    std::filesystem::path locales_dir = SELFCHECK_DEFAULT_LOCALES_DIR;
    std::filesystem::path data_dir;  // the outbox lives here; empty: beside kiosk.yaml
    // Where the clips are; unset: this build's or package's (audio::default_clip_dirs()).
    std::optional<audio::ClipDirs> clip_dirs;
    // Sync timing; tests shorten the random delay so a walk's record goes at once.
    std::chrono::milliseconds sync_min_delay = defaults::kSyncMinDelay;
    std::chrono::milliseconds sync_max_delay = defaults::kSyncMaxDelay;
    std::string chrome_locale = defaults::kChromeLocale;  // the chrome's language before one is chosen
    bool headless = false;
    bool fullscreen = true;
    int width = 1280;
    int height = 800;
    std::chrono::seconds idle_countdown = defaults::kIdleCountdown;  // "Still there?", then the wipe
    // The kiosk's sense of time; tests replace it to jump ahead without waiting.
    std::function<std::chrono::steady_clock::time_point()> clock = std::chrono::steady_clock::now;
    // Today's date in Hong Kong (YYYY-MM-DD): what answers are scored on and what the screens
    // say about that day (the wage in force, a number past its review date); tests pick a day.
    std::function<std::string()> today = hong_kong_today;
    // Wi-Fi for the staff panel: NmcliWifi on a device, a fake in tests; null: the panel shows
    // no Wi-Fi row and no Wi-Fi action.
    std::shared_ptr<WifiControl> wifi;
};

}  // namespace selfcheck
