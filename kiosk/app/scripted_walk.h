#pragma once
// The headless walk: one scripted session through every screen, a PNG of each.
#include "kiosk_app.h"

#include <filesystem>
#include <string>
#include <vector>

namespace selfcheck {

struct WalkResult {
    std::vector<std::filesystem::path> screenshots;
};

// Chooses `locale`, answers each question with its first answer (a number question with its
// minimum), finishes, and returns to the welcome screen.
WalkResult walk_one_session(KioskApp& app, const std::string& locale, const std::filesystem::path& out_dir);

}  // namespace selfcheck
