// kiosk: the touchscreen self-assessment. Full screen by default.
//   kiosk [--config kiosk.yaml] [--data-dir DIR] [--windowed] [--size WxH] [--dpi N] [--collector URL] [--site CODE]
//         [--content DIR] [--locales DIR] [--clips RECORDED_DIR SYNTHESISED_DIR]
//         [--headless --walk DIR [--language LOCALE] [--answers FILE] [--sync-wait SECONDS]]
//         [--screenshots DIR [--only-size WxH]... [--only-language LOCALE]...]
#include "kiosk/app/answers_file.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/scripted_walk.h"
#include "kiosk/app/startup_times.h"

#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

namespace {

const auto g_process_start = std::chrono::steady_clock::now();

void usage(std::ostream& out) {
    out << "usage: kiosk [--config kiosk.yaml] [--data-dir DIR] [--windowed] [--size WxH] [--dpi N]\n"
           "             [--collector URL] [--site CODE]\n"
           "             [--content DIR] [--locales DIR] [--clips RECORDED_DIR SYNTHESISED_DIR]\n"
           "             [--headless --walk DIR [--language LOCALE] [--answers FILE] [--sync-wait SECONDS]\n"
           "              [--read-aloud]]\n"
           "                 --answers: a YAML map of question id to answer code (or amount) to walk;\n"
           "                 questions it leaves out get their first answer\n"
           "                 --read-aloud: first tap the welcome screen's speaker and play the prompt\n"
           "                 to its end on this device's sound output\n"
           "             [--screenshots DIR [--only-size WxH]... [--only-language LOCALE]...]\n"
           "                 every screen, language and size as PNG, and a contact sheet per size\n";
}

struct Options {
    selfcheck::KioskConfig config;
    std::string walk_dir;
    std::string screenshots_dir;
    std::string walk_language = "en";
    std::string answers_file;
    selfcheck::ScreenshotOptions screenshots;
    bool sizes_given = false;
    int sync_wait_seconds = 15;  // how long a walk waits for its record to reach the collector
    bool read_aloud = false;
};

bool parse_size(const std::string& text, int& width, int& height) {
    return std::sscanf(text.c_str(), "%dx%d", &width, &height) == 2 && width >= 200 && height >= 200 && width <= 8192 &&
           height <= 8192;
}

// Returns false (after saying why) on a bad command line.
bool parse(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= argc) {
                std::cerr << "kiosk: " << arg << " needs a value\n";
                return false;
            }
            out = argv[++i];
            return true;
        };
        std::string v;
        if (arg == "--windowed") {
            options.config.fullscreen = false;
        } else if (arg == "--headless") {
            options.config.headless = true;
        } else if (arg == "--size") {
            if (!value(v)) return false;
            if (!parse_size(v, options.config.width, options.config.height)) {
                std::cerr << "kiosk: --size expects WIDTHxHEIGHT (200..8192), got '" << v << "'\n";
                return false;
            }
        } else if (arg == "--dpi") {
            if (!value(v)) return false;
            options.config.device.screen_dpi = std::atoi(v.c_str());
            if (options.config.device.screen_dpi < 50 || options.config.device.screen_dpi > 1000) {
                std::cerr << "kiosk: --dpi expects pixels per inch from 50 to 1000, got '" << v << "'\n";
                return false;
            }
        } else if (arg == "--data-dir") {
            if (!value(v)) return false;
            options.config.data_dir = v;
        } else if (arg == "--config") {
            if (!value(v)) return false;
            options.config.device_config_file = v;
        } else if (arg == "--collector") {
            if (!value(options.config.device.collector_url)) return false;
        } else if (arg == "--site") {
            if (!value(options.config.device.site)) return false;
        } else if (arg == "--content") {
            if (!value(v)) return false;
            options.config.content_dir = v;
        } else if (arg == "--locales") {
            if (!value(v)) return false;
            options.config.locales_dir = v;
        } else if (arg == "--clips") {
            // As --content and --locales: a packaged binary pointed at a source and build tree.
            std::string recorded, synthesised;
            if (!value(recorded) || !value(synthesised)) return false;
            options.config.clip_dirs = selfcheck::audio::ClipDirs{recorded, synthesised};
        } else if (arg == "--walk") {
            if (!value(options.walk_dir)) return false;
        } else if (arg == "--screenshots") {
            if (!value(options.screenshots_dir)) return false;
        } else if (arg == "--answers") {
            if (!value(options.answers_file)) return false;
        } else if (arg == "--only-size") {
            int w = 0, h = 0;
            if (!value(v)) return false;
            if (!parse_size(v, w, h)) {
                std::cerr << "kiosk: --only-size expects WIDTHxHEIGHT (200..8192), got '" << v << "'\n";
                return false;
            }
            if (!options.sizes_given) options.screenshots.sizes.clear();
            options.sizes_given = true;
            options.screenshots.sizes.emplace_back(w, h);
        } else if (arg == "--only-language") {
            if (!value(v)) return false;
            options.screenshots.locales.push_back(v);
        } else if (arg == "--language") {
            if (!value(options.walk_language)) return false;
        } else if (arg == "--sync-wait") {
            if (!value(v)) return false;
            options.sync_wait_seconds = std::atoi(v.c_str());
            if (options.sync_wait_seconds < 1 || options.sync_wait_seconds > 600) {
                std::cerr << "kiosk: --sync-wait expects seconds from 1 to 600, got '" << v << "'\n";
                return false;
            }
        } else if (arg == "--read-aloud") {
            options.read_aloud = true;
        } else if (arg == "--help" || arg == "-h") {
            usage(std::cout);
            std::exit(0);
        } else {
            std::cerr << "kiosk: unknown option '" << arg << "'\n";
            usage(std::cerr);
            return false;
        }
    }
    if (!options.answers_file.empty() && options.walk_dir.empty()) {
        std::cerr << "kiosk: --answers needs --walk\n";
        return false;
    }
    if (options.read_aloud && options.walk_dir.empty()) {
        std::cerr << "kiosk: --read-aloud needs --walk\n";
        return false;
    }
    if (!options.walk_dir.empty() && !options.config.headless) {
        std::cerr << "kiosk: --walk needs --headless\n";
        return false;
    }
    return true;
}

double ms_since_start() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - g_process_start).count();
}

int walk(selfcheck::KioskApp& app, const Options& options) {
    selfcheck::AnswerPolicy policy = selfcheck::first_answer;
    if (!options.answers_file.empty())
        policy = selfcheck::answers_policy(selfcheck::load_answers_file(options.answers_file, app.form()));
    const auto result =
        selfcheck::walk_one_session(app, options.walk_language, options.walk_dir, policy, options.read_aloud);
    if (options.read_aloud)
        std::cout << "read aloud: the welcome prompt played for " << long(result.heard_ms) << " ms\n";
    for (const auto& file : result.screenshots) std::cout << "screenshot: " << file.string() << "\n";
    if (auto* sync = app.sync()) {
        const bool sent = sync->wait_until_sent(std::chrono::seconds(options.sync_wait_seconds));
        const auto status = sync->status();
        std::cout << "records sent to collector: " << status.sent << "\n";
        if (!sent) {
            std::cerr << "kiosk: " << status.queued << " record(s) not sent: " << status.last_error << "\n";
            return 1;
        }
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse(argc, argv, options)) return 2;
    try {
        if (!options.screenshots_dir.empty()) {
            const auto set =
                selfcheck::render_screenshot_set(options.config, options.screenshots_dir, options.screenshots);
            std::cout << set.screenshots.size() << " screenshots in " << options.screenshots_dir << "\n";
            for (const auto& sheet : set.contact_sheets) std::cout << "contact sheet: " << sheet.string() << "\n";
            for (const auto& problem : set.problems) std::cerr << "kiosk: " << problem << "\n";
            if (!set.problems.empty()) return 1;
            std::cout << "every screen checked: all text fits, every glyph present, text >= 18 pt, buttons >= 9 mm"
                         " and 3:1 at their edge, nothing overlapping, no word or number broken, QR codes >= 25 mm;"
                         " each screen opens at the top with its actions in view, and Exit never moves\n";
            return 0;
        }
        // On a device staff set Wi-Fi from the panel, through NetworkManager (the image's
        // polkit rule lets the kiosk user); a headless walk leaves the host's network alone.
        if (!options.config.headless) options.config.wifi = std::make_shared<selfcheck::NmcliWifi>();
        selfcheck::KioskApp app(options.config);
        if (!options.walk_dir.empty()) return walk(app, options);
        app.render_frame();
        selfcheck::StartupTimes::get().mark("first frame");
        std::fprintf(stderr, "kiosk: first frame after %.1f ms (%s)\n", ms_since_start(),
                     selfcheck::StartupTimes::get().describe().c_str());
        return app.run();
    } catch (const std::exception& e) {
        std::cerr << "kiosk: " << e.what() << "\n";
        return 1;
    }
}
