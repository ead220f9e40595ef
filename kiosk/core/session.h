#pragma once
// One person's pass through the form, in memory only. Screens read it and send it intents
// (choose a language, answer, back, quick exit); it holds the rules, the screens hold none.
#include "protocol/content/answers.h"
#include "protocol/content/content.h"
#include "protocol/content/scoring.h"
#include "protocol/record/record.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace selfcheck {

enum class Step { Welcome, Privacy, Question, Result };

struct SessionSettings {
    std::string site;                         // site code recorded with each result
    std::function<std::string()> today;       // the completion date, YYYY-MM-DD
    std::function<void(Record)> on_complete;  // receives each completed record once
};

class Session {
public:
    Session(const Content& content, SessionSettings settings);

    Step step() const { return step_; }
    const std::string& locale() const { return locale_; }
    const Form& form() const { return content_.form; }
    const Content& content() const { return content_; }

    // Welcome: start in a language (the privacy notice comes next). Elsewhere: switch
    // language, keeping the answers.
    void choose_language(const std::string& locale);
    // Privacy notice read: on to the first question.
    void accept_privacy();
    // Answers the current question and moves to the next one asked (skip logic applied);
    // after the last one the record is completed and handed to on_complete.
    void answer(const AnswerValue& value);
    void back();
    // Quick exit, idle timeout, or "finish": forget everything and show the welcome screen.
    void wipe();

    // Number questions are typed on an on-screen pad; the digits live here until confirmed.
    const std::string& number_entry() const { return number_entry_; }
    void type_digit(int digit);  // ignored when the value would pass the question's maximum
    void erase_digit();
    // Answers with the typed number; false (nothing changes) when it is empty or below the minimum.
    bool confirm_number();

    // After the last question: what the answers suggest. Cleared by wipe().
    const Assessment* assessment() const { return assessment_ ? &*assessment_ : nullptr; }
    // The day it was scored on (YYYY-MM-DD), for what the result says about that day (a number
    // past its review date); empty before a result and after wipe().
    const std::string& assessed_on() const { return assessed_on_; }

    const Question* current_question() const;
    const Answers& answers() const { return answers_; }
    // "7 of 28": position among the questions that will be asked given the answers so far.
    int position() const;
    int total() const;

private:
    bool is_asked(size_t index) const;
    void complete();

    const Content& content_;
    const Form& form_;
    SessionSettings settings_;
    Step step_ = Step::Welcome;
    std::string locale_;
    size_t current_ = 0;           // index into form_.questions
    std::vector<size_t> history_;  // questions answered, for Back
    Answers answers_;
    std::string number_entry_;
    std::optional<Assessment> assessment_;
    std::string assessed_on_;
};

}  // namespace selfcheck
