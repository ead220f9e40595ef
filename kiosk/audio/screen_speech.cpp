#include "kiosk/audio/screen_speech.h"

#include "kiosk/core/help_plan.h"

namespace selfcheck::audio {
namespace {

void say(Utterance& what, const std::string& key) {
    if (!key.empty()) what.push_back(SpokenPart::message(key));
}

// A help entry as its card shows it: name, numbers, what it helps with, hours, address.
void say_organisation(Utterance& what, const Organisation& org, const std::string& today) {
    say(what, org.name_key);
    if (!org.phone.empty()) {
        say(what, "result.phone");
        what.push_back(SpokenPart::phone_number(org.phone));
    }
    if (!org.whatsapp.empty()) {
        say(what, "result.whatsapp");
        what.push_back(SpokenPart::phone_number(org.whatsapp));
    }
    say(what, org.helps_key);
    say(what, org.hours_key);
    say(what, org.address_key);
    if (org.number_needs_check(today)) say(what, "result.please_check");
}

// The result screen top to bottom (kiosk/ui/screens/result_screen.cpp): in danger, what to
// do and whom to call come first.
Utterance result_speech(const Session& session, bool keeps_records) {
    Utterance what;
    const Assessment* assessment = session.assessment();
    if (!assessment || !assessment->level) return what;
    const Content& content = session.content();
    const ResultLevel& level = *assessment->level;
    const std::string& today = session.assessed_on();
    const HelpPlan plan = plan_help(content, *assessment, session.locale(), today);
    if (plan.urgent) {
        say(what, content.scoring.urgent_title_key);
        for (const Organisation* org : plan.now) say_organisation(what, *org, today);
        say(what, content.scoring.urgent_explain_key);
        say(what, level.title_key);
        say(what, level.explain_key);
        say(what, level.next_steps_key);
    } else {
        say(what, level.title_key);
        say(what, level.explain_key);
        say(what, "result.todo_heading");
        say(what, level.next_steps_key);
        for (const Organisation* org : plan.now) say_organisation(what, *org, today);
    }
    if (!assessment->breaches.empty()) {
        say(what, "result.rights_heading");
        for (const Right& right : content.rights)
            if (assessment->breaches.count(right.id)) {
                say(what, right.title_key);
                say(what, right.explain_key);
            }
    }
    if (!plan.more.empty()) {
        say(what, "result.help_heading");
        for (const Organisation* org : plan.more) say_organisation(what, *org, today);
    }
    say(what, keeps_records ? "thanks.body" : "result.closing_demo");
    return what;
}

}  // namespace

ScreenSpeech screen_speech(const Session& session, bool keeps_records) {
    switch (session.step()) {
    case Step::Welcome: return {"welcome", {SpokenPart::message("welcome.prompt")}};
    case Step::Privacy:
        return {"privacy",
                {SpokenPart::message("privacy.title"),
                 SpokenPart::message(keeps_records ? "privacy.body" : "privacy.body_demo"),
                 SpokenPart::message("privacy.continue")}};
    case Step::Question: {
        const Question* question = session.current_question();
        if (!question) return {"question", {}};
        ScreenSpeech speech{"question:" + question->id, {}};
        say(speech.what, question->text_key);
        say(speech.what, question->help_key);
        for (const AnswerOption& option : question->options) say(speech.what, option.text_key);
        return speech;
    }
    case Step::Result: return {"result", result_speech(session, keeps_records)};
    }
    return {"unknown", {}};
}

ScreenSpeech idle_speech(int seconds_left) {
    return {"idle",
            {SpokenPart::message("idle.title"), SpokenPart::message("idle.body", {{"seconds", long(seconds_left)}}),
             SpokenPart::message("idle.continue")}};
}

ScreenSpeech staff_speech() { return {"staff", {}}; }

}  // namespace selfcheck::audio
