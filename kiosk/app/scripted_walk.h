#pragma once
// The headless walk: one scripted session through every screen, a PNG of each.
#include "kiosk_app.h"
#include "test_driver.h"

#include <filesystem>
#include <string>
#include <vector>

namespace selfcheck {

struct WalkResult {
    std::vector<std::filesystem::path> screenshots;
};

// Chooses `locale`, answers each question with its first answer (an amount typed on the
// number pad, halfway through its range), shows the result, and finishes.
// Types `value` on the number pad and confirms it.
void type_number(TestDriver& driver, int value);

WalkResult walk_one_session(KioskApp& app, const std::string& locale, const std::filesystem::path& out_dir);

}  // namespace selfcheck
