#pragma once
// Scripted sessions for the headless walk, the screenshot set and the UI tests: a person
// tapping by widget name, answering by a policy.
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/test_driver.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace selfcheck {

// How a scripted person answers, given the question and her answers so far.
using AnswerPolicy = std::function<AnswerValue(const Question&, const Answers&)>;

// The first answer (or amount) that raises no signal: a job with no concerns.
AnswerValue quiet_answer(const Question& q, const Answers& answers);
// The first answer offered; an amount halfway through its range.
AnswerValue first_answer(const Question& q, const Answers& answers);
// "Prefer not to say" wherever it is offered, else the quiet answer: most questions declined.
AnswerValue declining_answer(const Question& q, const Answers& answers);

// A scripted session that ends on a given result level.
struct LevelWalk {
    std::string level;  // scoring.yaml level id
    AnswerPolicy policy;
};

// One walk to each of the four result levels, the most serious first: the first answers
// (forced_labour_signs, every follow-up question shown), a low wage (rights_concerns), most
// questions declined (few_answers) and all well (no_concerns).
const std::vector<LevelWalk>& level_walks();

// Taps the answer's button, or types the amount on the number pad and confirms it.
void give_answer(TestDriver& driver, const AnswerValue& answer);
void type_number(TestDriver& driver, int value);

// From wherever the session is (choosing `locale` on the welcome screen, reading the
// privacy notice), answers until `stop` says to or the result shows. `stop` is asked
// before each question.
void walk_to(TestDriver& driver, KioskApp& app, const std::string& locale, const AnswerPolicy& policy,
             const std::function<bool(const Question&)>& stop = {});

struct WalkResult {
    std::vector<std::filesystem::path> screenshots;
    std::vector<std::filesystem::path> contact_sheets;
    std::vector<std::string> problems;  // frame_problems() of each shot, prefixed by its file name
    double heard_ms = 0;                // how long the welcome prompt played (listen)
};

// Taps the welcome screen's speaker and lets the prompt play to its end (at most `limit`):
// what a device's own audio path is tested with (image/test-boot). Returns how long it
// played, in ms; throws std::runtime_error when it cannot be heard (no sound device, no clip).
double read_welcome_aloud(TestDriver& driver, KioskApp& app, std::chrono::milliseconds limit);

// Chooses `locale`, answers each question by `policy` (by default its first answer), shows
// the result, and finishes; a PNG of every screen on the way. With `listen`, first plays the
// welcome prompt through read_welcome_aloud() and puts its length in `WalkResult::heard_ms`.
WalkResult walk_one_session(KioskApp& app, const std::string& locale, const std::filesystem::path& out_dir,
                            const AnswerPolicy& policy = first_answer, bool listen = false);

struct ScreenshotOptions {
    std::vector<std::pair<int, int>> sizes = {{480, 800}, {800, 1280}, {1920, 1080}};
    std::vector<std::string> locales;  // empty: every language of the form
    bool contact_sheets = true;        // contact-<WxH>.png: every shot of a size as labelled thumbnails
};

// Every screen, in every language, at phone (480x800), tablet (800x1280) and kiosk
// (1920x1080) sizes, each at the density of such a device (typical_dpi), unless `base` sets
// one: <screen>-<locale>-<WxH>.png in `out_dir`, and a contact sheet per size. Every shot is
// checked (frame_check.h): a screen just opened with opening_problems(), and the quick exit
// must sit in the same place on every worker screen of a size.
WalkResult render_screenshot_set(const KioskConfig& base, const std::filesystem::path& out_dir,
                                 const ScreenshotOptions& options = {});

}  // namespace selfcheck
