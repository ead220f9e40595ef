#include "test_driver.h"

#include "png_writer.h"

namespace selfcheck {

void TestDriver::settle() {
    app_.render_frame();
    app_.render_frame();
}

bool TestDriver::has(const std::string& widget) const { return app_.registry().find(widget).has_value(); }

void TestDriver::tap(const std::string& widget) {
    const auto rect = app_.registry().find(widget);
    if (!rect) {
        std::string shown;
        for (const auto& [name, r] : app_.registry().widgets()) shown += " " + name;
        throw TestDriverError("no widget '" + widget + "' on the " + app_.screen_name() + " screen; shown:" + shown);
    }
    const ImVec2 at = rect->center();
    app_.input().release(at.x, at.y);  // hover first, as a finger arriving would
    app_.render_frame();
    app_.input().press(at.x, at.y);
    app_.render_frame();
    app_.input().release(at.x, at.y);
    app_.render_frame();
    settle();
}

std::vector<uint8_t> TestDriver::screenshot(const std::filesystem::path& file) {
    int width = 0, height = 0;
    app_.display().size(width, height);
    std::vector<uint8_t> pixels = app_.display().read_rgba();
    platform::write_png(file.string(), width, height, pixels);
    return pixels;
}

}  // namespace selfcheck
