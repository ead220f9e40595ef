#pragma once
// The Self-Assessment form as data: languages, sections, questions, answers, skip logic and
// the signals an answer raises. Texts are message keys; the words live in locales/.
#include "protocol/content/condition.h"

#include <optional>
#include <string>
#include <vector>

namespace selfcheck {

struct Language {
    std::string locale;  // ICU locale id: id, fil, en, zh_Hant_HK
    std::string label;   // the language's own name, shown on the welcome screen
};

struct AnswerOption {
    std::string code;      // stored in the record, e.g. "yes"
    std::string text_key;  // message key of the button label
};

struct NumberRange {
    int min = 0;
    int max = 0;
    int step = 1;
    std::string unit;  // hkd | years | months | count
};

// What an answer suggests: an ILO indicator in one dimension, a Hong Kong rights breach, or both.
struct Signal {
    Condition when;         // on the question's own answer
    std::string indicator;  // indicators.yaml id, empty when none
    std::string dimension;  // unfree_recruitment | work_and_life_under_duress | impossibility_of_leaving
    std::string role;       // involuntariness | penalty
    std::string strength;   // strong | medium
    std::string breach;     // rights.yaml id, empty when none
    bool urgent = false;    // she may be in danger now: 999 and a shelter come first
};

enum class QuestionType { Choice, Number };

struct Question {
    std::string id;
    std::string section;
    std::string text_key;
    std::string help_key;  // optional
    QuestionType type = QuestionType::Choice;
    std::vector<AnswerOption> options;  // Choice
    NumberRange number;                 // Number
    std::optional<Condition> show_if;   // asked only when this holds
    std::vector<Signal> signals;
    bool demographic = false;
};

struct Section {
    std::string id;
    std::string title_key;
};

struct Form {
    std::string id;
    int version = 0;
    std::vector<Language> languages;
    std::vector<Section> sections;
    std::vector<Question> questions;  // in the order asked

    const Question* find(const std::string& question_id) const;
    const Language* find_language(const std::string& locale) const;
};

// Skip logic, one rule for the kiosk that asks and the collector that checks. In form order, a
// question is asked when it has no show_if, or its show_if holds over the answers that count
// so far: the answers to questions asked before it, "prefer not to say" left out (it meets no
// condition, as no answer does). So a question hidden by a changed gate hides what hangs on it,
// and its stale answer never counts.
// Element i is true when form.questions[i] is asked given `answers`.
std::vector<bool> asked_questions(const Form& form, const Answers& answers);
// The answers that count: to questions asked, never "prefer not to say". What a record keeps
// and what scoring reads.
Answers counted_answers(const Form& form, const Answers& answers);

}  // namespace selfcheck
