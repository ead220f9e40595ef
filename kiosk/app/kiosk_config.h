#pragma once
// How this kiosk runs. Walking-skeleton scope: set from the command line; a validated config
// file (site code, NGO key, collector URL, PIN hash, ...) comes with the private store.
#include <filesystem>
#include <string>

namespace selfcheck {

struct KioskConfig {
    std::filesystem::path content_dir = SELFCHECK_DEFAULT_CONTENT_DIR;
    std::filesystem::path locales_dir = SELFCHECK_DEFAULT_LOCALES_DIR;
    std::string collector_url;  // e.g. http://127.0.0.1:8080; empty: keep records unsent
    std::string site = "demo-site";
    std::string chrome_locale = "en";  // the chrome's language before one is chosen
    bool headless = false;
    bool fullscreen = true;
    int width = 1280;
    int height = 800;
};

}  // namespace selfcheck
