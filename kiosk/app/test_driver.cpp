#include "kiosk/app/test_driver.h"

#include "kiosk/platform/png_writer.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace selfcheck {

void TestDriver::settle() {
    app_.render_frame();
    app_.render_frame();
    // As a person would, wait for a flicked screen to stop gliding before the next tap.
    for (int frame = 0; frame < 600 && app_.animating(); ++frame) app_.render_frame();
}

void TestDriver::settle_wifi() {
    WifiService* wifi = app_.wifi_service();
    for (int round = 0; round < 10; ++round) {
        if (!wifi) return;
        const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (wifi->busy()) {
            if (std::chrono::steady_clock::now() > limit) throw TestDriverError("the Wi-Fi worker did not finish");
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        settle();
        if (!wifi->busy()) return;
    }
}

bool TestDriver::has(const std::string& widget) const { return app_.registry().find(widget).has_value(); }

void TestDriver::tap(const std::string& widget) {
    const auto rect = app_.registry().find(widget);
    if (!rect) {
        std::string shown;
        for (const auto& [name, r] : app_.registry().widgets()) shown += " " + name;
        throw TestDriverError("no widget '" + widget + "' on the " + app_.screen_name() + " screen; shown:" + shown);
    }
    if (!rect->visible) scroll_into_view(widget);
    const ImVec2 at = app_.registry().find(widget)->center();
    app_.input().press(at.x, at.y);
    app_.render_frame();
    app_.input().release(at.x, at.y);
    app_.render_frame();
    settle();
}

void TestDriver::drag(ImVec2 from, ImVec2 to) {
    app_.input().release(from.x, from.y);
    app_.render_frame();
    app_.input().press(from.x, from.y);
    app_.render_frame();
    constexpr int kSteps = 6;
    for (int i = 1; i <= kSteps; ++i) {
        const float f = float(i) / kSteps;
        app_.input().move(from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f);
        app_.render_frame();
    }
    app_.render_frame();  // the finger rests before it lifts: a scroll, not a flick
    app_.input().release(to.x, to.y);
    app_.render_frame();
    settle();
}

void TestDriver::hold(ImVec2 at, const std::function<void()>& pass_time) {
    app_.input().press(at.x, at.y);
    app_.render_frame();
    pass_time();
    app_.render_frame();
    app_.input().release(at.x, at.y);
    app_.render_frame();
    settle();
}

void TestDriver::scroll_to_end(const std::string& region_name) {
    for (int attempt = 0; attempt < 100; ++attempt) {
        const auto region = app_.registry().find(region_name);
        if (!region)
            throw TestDriverError("no scroll region '" + region_name + "' on the " + app_.screen_name() + " screen");
        const float before = app_.registry().scrolled();
        const float x = region->center().x;
        drag(ImVec2(x, region->max.y - 5), ImVec2(x, region->min.y + 5));
        if (app_.registry().scrolled() == before) return;
    }
}

void TestDriver::scroll_into_view(const std::string& widget) {
    for (int attempt = 0; attempt < 100; ++attempt) {
        const auto rect = app_.registry().find(widget);
        const auto region = app_.registry().scroll_region_of(widget);
        if (!rect || !region)
            throw TestDriverError("widget '" + widget + "' is neither visible nor in a scroll region");
        if (rect->visible) return;
        const float x = region->center().x;
        const float reach = region->height() * 0.4f;
        const float y0 = region->center().y;
        // Content below the region: drag up; above it: drag down. Never less than a finger's
        // wobble, or the drag would count as a tap on whatever it started on.
        const float least = app_.fonts().em;
        const float distance = rect->max.y > region->max.y ? -std::clamp(rect->max.y - region->max.y + 10, least, reach)
                                                           : std::clamp(region->min.y - rect->min.y + 10, least, reach);
        drag(ImVec2(x, y0), ImVec2(x, y0 + distance));
    }
    throw TestDriverError("could not scroll widget '" + widget + "' into view");
}

std::vector<uint8_t> TestDriver::pixels() const { return app_.display().read_rgba(); }

std::vector<uint8_t> TestDriver::screenshot(const std::filesystem::path& file) {
    int width = 0, height = 0;
    app_.display().size(width, height);
    std::vector<uint8_t> pixels = app_.display().read_rgba();
    platform::write_png(file.string(), width, height, pixels);
    return pixels;
}

}  // namespace selfcheck
