// The result says what the content says (issue #13): urgency comes from the signals and
// directory entries content marks urgent, at any level; "please check this number" from
// Organisation::number_needs_check on the day she finished.
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/scripted_walk.h"
#include "kiosk/app/test_driver.h"
#include "tests/ui/ui_test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace selfcheck;
using namespace selfcheck::testing;

namespace {

// All well, except one question answered `code`.
AnswerPolicy quiet_but(const std::string& question, const std::string& code) {
    return [question, code](const Question& q, const Answers& a) {
        return q.id == question ? AnswerValue(code) : quiet_answer(q, a);
    };
}

KioskConfig on_day(const std::string& day) {
    KioskConfig config = headless(480, 800);
    config.today = [day] { return day; };
    return config;
}

// Where `text` is first drawn (its top), or +infinity when it is not drawn.
float top_of(KioskApp& app, const std::string& text) {
    float top = 1e9f;
    for (const auto& drawn : app.registry().texts())
        if (drawn.text == text) top = std::min(top, drawn.min.y);
    return top;
}

bool inside(const ui::DrawnText& drawn, const ui::WidgetRect& box) {
    return drawn.min.x >= box.min.x && drawn.max.x <= box.max.x && drawn.min.y >= box.min.y && drawn.max.y <= box.max.y;
}

// The help cards drawn, top to bottom, by directory id.
std::vector<std::string> cards_in_order(KioskApp& app) {
    std::vector<std::pair<float, std::string>> cards;
    for (const auto& [name, rect] : app.registry().widgets())
        if (name.rfind("box.card.", 0) == 0) cards.emplace_back(rect.min.y, name.substr(9));
    std::sort(cards.begin(), cards.end());
    std::vector<std::string> ids;
    for (const auto& card : cards) ids.push_back(card.second);
    return ids;
}

}  // namespace

TEST_CASE("violence reported at the rights level: the urgent words, then 999 and every urgent entry, first") {
    KioskApp app(on_day("2026-12-01"));
    TestDriver driver(app);
    walk_to(driver, app, "en", quiet_but("violence", "yes"));
    REQUIRE(app.screen_name() == "result");
    const Assessment& a = *app.session().assessment();
    REQUIRE(a.level->id == "rights_concerns");  // a low level, and still urgent
    REQUIRE(a.urgent);
    const Messages& m = app.messages();
    const float urgent_words = top_of(app, m.text("en", app.content().scoring.urgent_explain_key));
    const auto outcome = app.registry().find("box.outcome");
    REQUIRE(outcome);
    INFO("urgent explanation at y " << urgent_words << ", the level's panel at " << outcome->min.y);
    CHECK(urgent_words < outcome->min.y);  // after the urgent calls, before the level's own words
    // The screen's heading is the urgent title, on the first screen.
    const ui::DrawnText* heading = nullptr;
    for (const auto& drawn : app.registry().texts())
        if (drawn.heading && !heading) heading = &drawn;
    REQUIRE(heading);
    CHECK(heading->text == m.text("en", app.content().scoring.urgent_title_key));
    // Every urgent entry, in directory order, is the first card, all above the level's panel.
    std::vector<std::string> urgent;
    for (const Organisation& o : app.content().directory)
        if (o.urgent) urgent.push_back(o.id);
    REQUIRE(urgent.size() >= 2);
    REQUIRE(urgent.front() == "police_emergency");
    const std::vector<std::string> cards = cards_in_order(app);
    INFO("cards: " << Catch::Detail::stringify(cards));
    REQUIRE(cards.size() >= urgent.size());
    CHECK(std::vector<std::string>(cards.begin(), cards.begin() + long(urgent.size())) == urgent);
    CHECK(app.registry().find("box.card." + urgent.back())->max.y < urgent_words);
}

TEST_CASE("violence reported: 999 on the first screen in every language") {
    KioskApp app(on_day("2026-12-01"));
    TestDriver driver(app);
    for (const auto& language : app.form().languages) {
        walk_to(driver, app, language.locale, quiet_but("violence", "yes"));
        REQUIRE(app.screen_name() == "result");
        const auto region = *app.registry().find("screen.scroll");
        const std::string number = app.messages().text(language.locale, "result.phone") + " 999";
        bool in_view = false;
        for (const auto& drawn : app.registry().texts())
            if (drawn.text == number) in_view = drawn.min.y >= region.min.y && drawn.max.y <= region.max.y;
        INFO(language.locale << ": \"" << number << "\" within the first screen (to y " << region.max.y << ")");
        CHECK(in_view);
        driver.tap("result.finish");
    }
}

TEST_CASE("a finding the content does not mark urgent shows the level's own words and no urgent panel") {
    // Being insulted raises intimidation_and_threats, and "not allowed out" restriction of movement;
    // neither signal is urgent in form.yaml, so neither says she is in danger now.
    for (const auto& [question, code] :
         {std::pair<const char*, const char*>{"insulted", "yes"}, {"leave_house", "no"}}) {
        KioskApp app(on_day("2026-12-01"));
        TestDriver driver(app);
        walk_to(driver, app, "en", quiet_but(question, code));
        REQUIRE(app.screen_name() == "result");
        const Assessment& a = *app.session().assessment();
        INFO(question << " = " << code << ": level " << a.level->id);
        CHECK_FALSE(a.urgent);
        CHECK_FALSE(app.registry().find("box.urgent"));
        const Messages& m = app.messages();
        CHECK(top_of(app, m.text("en", app.content().scoring.urgent_explain_key)) == 1e9f);
        const float explain = top_of(app, m.text("en", a.level->explain_key));
        CHECK(explain < app.registry().find("box.outcome")->max.y);  // in the outcome panel
    }
}

TEST_CASE("please check this number: on a card whose number needs a check that day, and no other") {
    for (const std::string day : {"2026-12-01", "2027-06-02"}) {  // the second is past every review_by
        KioskApp app(on_day(day));
        TestDriver driver(app);
        walk_to(driver, app, "en", quiet_but("violence", "yes"));
        REQUIRE(app.screen_name() == "result");
        const std::string please_check = app.messages().text("en", "result.please_check");
        size_t checked = 0, verified = 0;
        for (const Organisation& o : app.content().directory) {
            const auto card = app.registry().find("box.card." + o.id);
            if (!card) continue;
            bool shown = false;
            for (const auto& drawn : app.registry().texts())
                shown |= drawn.text == please_check && inside(drawn, *card);
            INFO(day << ": card " << o.id << (o.has_number() ? "" : " (no number)")
                     << (o.is_verified() ? ", verified " + o.verified : ", not verified"));
            CHECK(shown == o.number_needs_check(day));
            if (!o.has_number()) CHECK_FALSE(shown);
            checked += shown;
            verified += o.is_verified() && o.has_number() && !shown;
        }
        if (day == "2026-12-01") CHECK(verified >= 1);  // 999 and the Labour Department: no "please check"
        CHECK(checked >= 1);
    }
}
