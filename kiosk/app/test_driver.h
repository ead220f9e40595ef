#pragma once
// Drives a KioskApp as a person would, but by widget name: tap("answer.yes") finds where the
// button was drawn in the last frame and presses and releases there, one frame each.
#include "kiosk/app/kiosk_app.h"

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>

namespace selfcheck {

class TestDriverError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class TestDriver {
public:
    explicit TestDriver(KioskApp& app) : app_(app) {}

    // Draws frames until the layout is stable (ImGui settles in two).
    void settle();
    // Waits until the Wi-Fi worker has done what it was asked (a scan, a join), then settles;
    // again if the frames asked for more. Does nothing without Wi-Fi.
    void settle_wifi();
    // Throws TestDriverError when no widget of that name is on screen. A widget scrolled out
    // of view is first dragged into view, as a finger would.
    void tap(const std::string& widget);
    // Drags the named scroll region up until it will go no further.
    void scroll_to_end(const std::string& region);
    // Drags a finger from `from` to `to` in a few steps, and rests it before lifting (so the
    // screen does not glide on).
    void drag(ImVec2 from, ImVec2 to);
    // Holds a finger at `at` while `pass_time` moves the app's clock on, then lifts it.
    void hold(ImVec2 at, const std::function<void()>& pass_time);
    bool has(const std::string& widget) const;
    KioskApp& app() { return app_; }
    // The current frame's RGBA bytes.
    std::vector<uint8_t> pixels() const;
    // Writes the current frame as PNG; returns the pixels' RGBA bytes too.
    std::vector<uint8_t> screenshot(const std::filesystem::path& file);

private:
    void scroll_into_view(const std::string& widget);
    KioskApp& app_;
};

}  // namespace selfcheck
