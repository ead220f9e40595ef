#include "kiosk/app/scripted_walk.h"

#include "kiosk/app/contact_sheet.h"
#include "kiosk/app/frame_check.h"
#include "kiosk/app/scripted_wifi.h"
#include "kiosk/core/staff_pin.h"

#include <optional>
#include <stdexcept>
#include <thread>

namespace selfcheck {

AnswerValue quiet_answer(const Question& q, const Answers& answers) {
    std::vector<AnswerValue> options;
    if (q.type == QuestionType::Choice)
        for (const auto& o : q.options) options.emplace_back(o.code);
    else
        options = {AnswerValue(q.number.max / 2), AnswerValue(q.number.min)};
    for (const auto& option : options) {
        Answers trial = answers;
        trial[q.id] = option;
        bool raises = false;
        for (const auto& signal : q.signals) raises = raises || signal.when.holds(trial);
        if (!raises) return option;
    }
    return options.front();
}

AnswerValue first_answer(const Question& q, const Answers&) {
    if (q.type == QuestionType::Choice) return q.options.front().code;
    return q.number.min + (q.number.max - q.number.min) / 2;
}

AnswerValue declining_answer(const Question& q, const Answers& answers) {
    for (const auto& o : q.options)
        if (o.code == kPreferNotToSay) return o.code;
    return quiet_answer(q, answers);
}

const std::vector<LevelWalk>& level_walks() {
    static const std::vector<LevelWalk> walks{
        {"forced_labour_signs", first_answer},
        // Paid HK$4,000 a month, all else well: a rights concern, not forced labour.
        {"rights_concerns",
         [](const Question& q, const Answers& a) {
             return q.id == "monthly_salary" ? AnswerValue(4000) : quiet_answer(q, a);
         }},
        {"few_answers", declining_answer},
        {"no_concerns", quiet_answer},
    };
    return walks;
}

void type_number(TestDriver& driver, int value) {
    for (char digit : std::to_string(value)) driver.tap(std::string("number.") + digit);
    driver.tap("number.done");
}

void give_answer(TestDriver& driver, const AnswerValue& answer) {
    if (const auto* code = std::get_if<std::string>(&answer))
        driver.tap("answer." + *code);
    else
        type_number(driver, std::get<int>(answer));
}

void walk_to(TestDriver& driver, KioskApp& app, const std::string& locale, const AnswerPolicy& policy,
             const std::function<bool(const Question&)>& stop) {
    driver.settle();
    if (app.session().step() == Step::Welcome) driver.tap("lang." + locale);
    if (app.session().step() == Step::Privacy) driver.tap("privacy.continue");
    for (int guard = 0; app.session().step() == Step::Question && guard < 200; ++guard) {
        const Question* q = app.session().current_question();
        if (stop && stop(*q)) return;
        give_answer(driver, policy(*q, app.session().answers()));
    }
}

namespace {

std::string size_name(KioskApp& app) {
    int width = 0, height = 0;
    app.display().size(width, height);
    return std::to_string(width) + "x" + std::to_string(height);
}

}  // namespace

double read_welcome_aloud(TestDriver& driver, KioskApp& app, std::chrono::milliseconds limit) {
    driver.settle();
    if (!app.audio().enabled())
        throw std::runtime_error("read aloud: no sound: " + (app.audio().problem().empty()
                                                                 ? std::string("audio is off in kiosk.yaml")
                                                                 : app.audio().problem()));
    if (!driver.has("nav.read_aloud"))
        throw std::runtime_error("read aloud: the welcome screen shows no speaker (no clip for its prompt)");
    const auto start = std::chrono::steady_clock::now();
    driver.tap("nav.read_aloud");
    if (!app.audio().reading()) throw std::runtime_error("read aloud: the speaker was tapped but nothing plays");
    // Frames as the app draws them while sound plays (it wakes every 100 ms then).
    while (app.audio().reading() && std::chrono::steady_clock::now() - start < limit) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        app.render_frame();
    }
    const auto played = std::chrono::steady_clock::now() - start;
    if (app.audio().reading())
        throw std::runtime_error("read aloud: the welcome prompt was still playing at the limit");
    return std::chrono::duration<double, std::milli>(played).count();
}

WalkResult walk_one_session(KioskApp& app, const std::string& locale, const std::filesystem::path& out_dir,
                            const AnswerPolicy& policy, bool listen) {
    std::filesystem::create_directories(out_dir);
    TestDriver driver(app);
    WalkResult result;
    const std::string size = size_name(app);
    int step = 0;
    auto shoot = [&](const std::string& detail) {
        char prefix[8];
        std::snprintf(prefix, sizeof prefix, "%02d", step++);
        const auto file =
            out_dir / (std::string(prefix) + "-" + app.screen_name() + detail + "-" + locale + "-" + size + ".png");
        driver.screenshot(file);
        result.screenshots.push_back(file);
    };

    driver.settle();
    if (listen) result.heard_ms = read_welcome_aloud(driver, app, std::chrono::seconds(60));
    shoot("");
    driver.tap("lang." + locale);
    shoot("");
    driver.tap("privacy.continue");
    for (int guard = 0; app.session().step() == Step::Question && guard < 200; ++guard) {
        const Question* q = app.session().current_question();
        shoot("-" + q->id);
        give_answer(driver, policy(*q, app.session().answers()));
    }
    shoot(app.session().assessment() ? "-" + app.session().assessment()->level->id : "");
    driver.tap("result.finish");
    return result;
}

namespace {

// The quick exit's rectangle, as text for a problem line.
std::string rect_text(const ui::WidgetRect& r) {
    return std::to_string(int(r.min.x)) + "," + std::to_string(int(r.min.y)) + "-" + std::to_string(int(r.max.x)) +
           "," + std::to_string(int(r.max.y));
}

}  // namespace

WalkResult render_screenshot_set(const KioskConfig& base, const std::filesystem::path& out_dir,
                                 const ScreenshotOptions& options) {
    std::filesystem::create_directories(out_dir);
    WalkResult result;
    for (const auto& [width, height] : options.sizes) {
        // The clock stands still unless a screen needs time to pass (the idle prompt).
        auto now = std::make_shared<std::chrono::steady_clock::time_point>(std::chrono::steady_clock::time_point{});
        KioskConfig config = base;
        config.headless = true;
        config.width = width;
        config.height = height;
        if (base.device.screen_dpi == 0) config.device.screen_dpi = typical_dpi(width, height);
        config.clock = [now] { return *now; };
        // The staff screens are opened with a throwaway PIN, never the device's own.
        const std::string staff_pin = "2468";
        config.device.staff_pin_hash = hash_staff_pin(staff_pin);
        config.device.locked = false;  // so the staff panel shows every action, Close the kiosk too
        config.wifi = std::make_shared<ScriptedWifi>(ScriptedWifi::sample());  // never the host's own Wi-Fi
        KioskApp app(config);
        TestDriver driver(app);
        const std::string size = std::to_string(width) + "x" + std::to_string(height);
        std::vector<Shot> sheet;
        std::optional<ui::WidgetRect> first_exit;
        std::string first_exit_shot;
        std::vector<std::string> locales = options.locales;
        if (locales.empty())
            for (const auto& language : app.form().languages) locales.push_back(language.locale);
        for (const auto& locale : locales) {
            // `opened`: the screen has just come up, so it must start at the top with its actions in view.
            auto shoot = [&](const std::string& screen, bool opened = true) {
                const auto file = out_dir / (screen + "-" + locale + "-" + size + ".png");
                Shot shot{screen + " " + locale, width, height, driver.screenshot(file)};
                result.screenshots.push_back(file);
                for (const auto& problem : opened ? opening_problems(app) : frame_problems(app))
                    result.problems.push_back(file.filename().string() + ": " + problem);
                if (const auto exit = app.registry().find("nav.quick_exit")) {
                    if (!first_exit) {
                        first_exit = *exit;
                        first_exit_shot = file.filename().string();
                    } else if (rect_text(*exit) != rect_text(*first_exit)) {
                        result.problems.push_back(file.filename().string() + ": Exit at " + rect_text(*exit) +
                                                  ", not where it is on " + first_exit_shot + " (" +
                                                  rect_text(*first_exit) + ")");
                    }
                }
                if (options.contact_sheets) sheet.push_back(std::move(shot));
            };
            driver.settle();
            shoot("welcome");
            driver.tap("lang." + locale);
            shoot("privacy");
            driver.tap("privacy.continue");
            shoot("question-choice");
            driver.tap("nav.change_language");
            shoot("language-picker", false);
            driver.tap("lang." + locale);
            walk_to(driver, app, locale, quiet_answer,
                    [](const Question& q) { return q.type == QuestionType::Number; });
            for (const char* digit : {"4", "8", "0", "0"}) driver.tap(std::string("number.") + digit);
            shoot("question-number");  // the amount shows on the pad before she confirms it
            *now += config.device.idle_prompt_after + std::chrono::seconds(1);
            driver.settle();
            shoot("idle-prompt", false);
            driver.tap("idle.continue");
            driver.tap("nav.quick_exit");

            for (const auto& [level, policy] : level_walks()) {
                walk_to(driver, app, locale, policy);
                if (app.session().assessment()->level->id != level)
                    result.problems.push_back("the " + level + " walk in " + locale + " ended on " +
                                              app.session().assessment()->level->id);
                shoot("result-" + level);
                // A right tapped open, then the end of the result.
                std::string first_right;  // a copy: tapping redraws, which clears the registry
                for (const auto& [name, rect] : app.registry().widgets())
                    if (first_right.empty() && name.rfind("right.", 0) == 0) first_right = name;
                if (!first_right.empty()) driver.tap(first_right);
                driver.scroll_to_end("screen.scroll");
                shoot("result-" + level + "-end", false);
                driver.tap("result.finish");
            }

            // The staff panel, in this language as the chrome's.
            app.set_chrome_locale(locale);
            driver.hold(ImVec2(app.staff_corner().x * 0.5f, app.staff_corner().y * 0.5f),
                        [&] { *now += std::chrono::seconds(3); });
            for (char digit : staff_pin.substr(0, 2)) driver.tap(std::string("pin.") + digit);
            shoot("staff-pin");
            for (char digit : staff_pin.substr(2)) driver.tap(std::string("pin.") + digit);
            driver.tap("pin.ok");
            shoot("staff-panel");
            driver.tap("staff.end_day");
            shoot("staff-confirm", false);
            driver.tap("confirm.no");
            // Wi-Fi: the networks found, then a locked one's passphrase, hidden, on each page.
            driver.tap("staff.wifi");
            driver.settle_wifi();
            shoot("staff-wifi");
            driver.tap("wifi.network.Staff Office");
            for (const char* key : {"kb.o", "kb.f", "kb.f"}) driver.tap(key);
            shoot("staff-wifi-passphrase");
            driver.tap("kb.page");
            shoot("staff-wifi-symbols", false);
            driver.tap("wifi.cancel");
            driver.tap("wifi.back");
            driver.tap("staff.close");
            app.set_chrome_locale(base.chrome_locale);
        }
        if (options.contact_sheets && !sheet.empty()) {
            // One row per screen, one column per language.
            std::vector<Shot> ordered;
            const size_t per_locale = sheet.size() / locales.size();
            for (size_t screen = 0; screen < per_locale; ++screen)
                for (size_t l = 0; l < locales.size(); ++l)
                    ordered.push_back(std::move(sheet[l * per_locale + screen]));
            const int thumb = width < height ? 200 : 320;
            const auto file = out_dir / ("contact-" + size + ".png");
            write_contact_sheet(file, ordered, int(locales.size()), thumb, SELFCHECK_FONT_LABELS);
            result.contact_sheets.push_back(file);
        }
    }
    return result;
}

}  // namespace selfcheck
