#include "scripted_walk.h"

#include "test_driver.h"

namespace selfcheck {

void type_number(TestDriver& driver, int value) {
    for (char digit : std::to_string(value)) driver.tap(std::string("number.") + digit);
    driver.tap("number.done");
}

WalkResult walk_one_session(KioskApp& app, const std::string& locale, const std::filesystem::path& out_dir) {
    std::filesystem::create_directories(out_dir);
    TestDriver driver(app);
    WalkResult result;
    int width = 0, height = 0;
    app.display().size(width, height);
    const std::string size = std::to_string(width) + "x" + std::to_string(height);
    int step = 0;
    auto shoot = [&](const std::string& detail) {
        char prefix[8];
        std::snprintf(prefix, sizeof prefix, "%02d", step++);
        const auto file = out_dir / (std::string(prefix) + "-" + app.screen_name() + detail + "-" + locale + "-" + size + ".png");
        driver.screenshot(file);
        result.screenshots.push_back(file);
    };

    driver.settle();
    shoot("");
    driver.tap("lang." + locale);
    shoot("");
    driver.tap("privacy.continue");
    int guard = 0;
    while (app.session().step() == Step::Question && guard++ < 200) {
        const Question* q = app.session().current_question();
        shoot("-" + q->id);
        if (q->type == QuestionType::Choice) {
            driver.tap("answer." + q->options.front().code);
        } else {
            type_number(driver, (q->number.min + q->number.max) / 2);
        }
    }
    shoot(app.session().assessment() ? "-" + app.session().assessment()->level->id : "");
    driver.tap("result.finish");
    return result;
}

}  // namespace selfcheck
