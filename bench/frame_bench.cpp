// The cost of a frame (issue #18): every worker screen at the three sizes, drawn headless with
// the software renderer as on a board without a GPU. For each: CPU time and wall time per
// frame (p50, p95, max), a tap's press-to-present time, a language switch and a fling on the
// longest result. Figures are printed, never asserted; bench/frame_bench.sh runs it on one core
// and again under a CPU quota of 25% of a core, standing in for a cheap board.
//   build/bench/frame_bench [FRAMES=60] [SIZES=480x800,800x1280,1920x1080]
#include "kiosk/app/frame_check.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/scripted_walk.h"
#include "kiosk/app/test_driver.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

using namespace selfcheck;

namespace {

double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

double wall_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Cost {
    double cpu = 0, wall = 0;
};

// Times `step` (which draws and presents one or more frames).
Cost timed(const std::function<void()>& step) {
    const double cpu = thread_cpu_ms(), wall = wall_ms();
    step();
    return {thread_cpu_ms() - cpu, wall_ms() - wall};
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const size_t i = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[i];
}

void print_row(const std::string& size, const std::string& what, const std::vector<Cost>& costs) {
    std::vector<double> cpu, wall;
    for (const Cost& c : costs) cpu.push_back(c.cpu), wall.push_back(c.wall);
    std::printf("%-9s  %-34s %5zu  %7.2f %7.2f %7.2f   %7.2f %7.2f %7.2f\n", size.c_str(), what.c_str(), costs.size(),
                percentile(cpu, 0.5), percentile(cpu, 0.95), percentile(cpu, 1.0), percentile(wall, 0.5),
                percentile(wall, 0.95), percentile(wall, 1.0));
}

std::vector<Cost> frames_of(KioskApp& app, int frames) {
    std::vector<Cost> costs;
    for (int i = 0; i < frames; ++i) costs.push_back(timed([&] { app.render_frame(); }));
    return costs;
}

std::string drawn_texts(const KioskApp& app) {
    std::string all;
    for (const auto& d : app.registry().texts()) all += d.text + '\n';
    return app.screen_name() + '\n' + all;
}

int taps_timed = 0;
std::vector<std::string> taps_late;  // taps whose effect did not show on the frame after the release

// A press and release on `widget`, timed to the present of the first frame that shows its
// effect (a tap acts on release, as on a phone; the target is the frame after the release).
Cost tap_cost(KioskApp& app, const std::string& widget) {
    const auto rect = app.registry().find(widget);
    if (!rect) {
        std::fprintf(stderr, "frame_bench: no widget %s on the %s screen\n", widget.c_str(), app.screen_name().c_str());
        std::exit(1);
    }
    const ImVec2 at = rect->center();
    const std::string before = drawn_texts(app);
    int frames_after_release = 1;
    const Cost cost = timed([&] {
        app.input().press(at.x, at.y);
        app.render_frame();
        app.input().release(at.x, at.y);
        app.render_frame();
        while (drawn_texts(app) == before && frames_after_release < 4) {
            app.render_frame();
            ++frames_after_release;
        }
    });
    ++taps_timed;
    if (frames_after_release > 1)
        taps_late.push_back(widget + " on the " + before.substr(0, before.find('\n')) +
                            " screen: " + std::to_string(frames_after_release) + " frames after the release");
    return cost;
}

void bench_size(int width, int height, int frames) {
    KioskConfig config;
    config.headless = true;
    config.width = width;
    config.height = height;
    config.device.screen_dpi = typical_dpi(width, height);
    KioskApp app(config);
    TestDriver driver(app);
    const std::string size = std::to_string(width) + "x" + std::to_string(height);
    const std::string locale = "zh_Hant_HK";  // the densest glyphs and the most lines
    driver.settle();
    print_row(size, "welcome", frames_of(app, frames));

    std::vector<Cost> taps;
    taps.push_back(tap_cost(app, "lang." + locale));
    driver.settle();
    print_row(size, "privacy", frames_of(app, frames));
    taps.push_back(tap_cost(app, "privacy.continue"));
    driver.settle();
    print_row(size, "question (choice)", frames_of(app, frames));

    // A language switch: the picker, then another language, timed to its first present.
    driver.tap("nav.change_language");
    std::vector<Cost> switches;
    for (const char* to : {"en", "id", locale.c_str()}) {
        switches.push_back(tap_cost(app, std::string("lang.") + to));
        driver.settle();
        driver.tap("nav.change_language");
    }
    driver.tap("lang." + locale);
    print_row(size, "language switch (tap to its effect)", switches);

    walk_to(driver, app, locale, quiet_answer, [](const Question& q) { return q.type == QuestionType::Number; });
    print_row(size, "question (number pad)", frames_of(app, frames));
    for (const char* digit : {"4", "8", "0", "0"}) taps.push_back(tap_cost(app, std::string("number.") + digit));
    driver.tap("nav.quick_exit");

    // The longest result: the first answers raise every signal and show every follow-up.
    walk_to(driver, app, locale, first_answer);
    print_row(size, "result (longest)", frames_of(app, frames));
    const auto region = app.registry().find("screen.scroll");
    if (region) {
        // A fling: a quick drag lifted while moving, then every frame until the page stops.
        const float x = region->center().x;
        std::vector<Cost> fling;
        const float top = region->max.y - 10, step = (region->max.y - region->min.y) / 4;
        fling.push_back(timed([&] {
            app.input().press(x, top);
            app.render_frame();
        }));
        for (int i = 1; i <= 3; ++i)
            fling.push_back(timed([&] {
                app.input().move(x, top - float(i) * step);
                app.render_frame();
            }));
        fling.push_back(timed([&] {
            app.input().release(x, region->min.y + 10);
            app.render_frame();
        }));
        for (int i = 0; i < 600 && app.animating(); ++i) fling.push_back(timed([&] { app.render_frame(); }));
        print_row(size, "fling on the result (each frame)", fling);
    }
    taps.push_back(tap_cost(app, "result.finish"));
    driver.settle();
    print_row(size, "tap to present (to its effect)", taps);
}

std::vector<std::pair<int, int>> parse_sizes(const std::string& text) {
    std::vector<std::pair<int, int>> sizes;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        int w = 0, h = 0;
        if (std::sscanf(item.c_str(), "%dx%d", &w, &h) == 2 && w > 0 && h > 0) sizes.emplace_back(w, h);
    }
    return sizes;
}

}  // namespace

int main(int argc, char** argv) {
    const int frames = argc > 1 ? std::max(1, std::atoi(argv[1])) : 60;
    const auto sizes = parse_sizes(argc > 2 ? argv[2] : "480x800,800x1280,1920x1080");
    if (sizes.empty()) {
        std::fprintf(stderr, "frame_bench: sizes are WxH,WxH (got '%s')\n", argv[2]);
        return 2;
    }
    std::printf("frame_bench: %d frames per screen, software renderer, Traditional Chinese; ms\n", frames);
    std::printf("%-9s  %-34s %5s  %7s %7s %7s   %7s %7s %7s\n", "size", "what", "n", "cpu p50", "p95", "max",
                "wall p50", "p95", "max");
    for (const auto& [width, height] : sizes) bench_size(width, height, frames);
    std::printf("taps whose effect showed on the frame after the release: %d of %d\n",
                taps_timed - int(taps_late.size()), taps_timed);
    for (const auto& tap : taps_late) std::printf("  later: %s\n", tap.c_str());
    return 0;
}
