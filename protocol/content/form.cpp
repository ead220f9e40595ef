#include "protocol/content/form.h"

#include <algorithm>

namespace selfcheck {

const Question* Form::find(const std::string& question_id) const {
    auto it = std::find_if(questions.begin(), questions.end(), [&](const Question& q) { return q.id == question_id; });
    return it == questions.end() ? nullptr : &*it;
}

const Language* Form::find_language(const std::string& locale) const {
    auto it = std::find_if(languages.begin(), languages.end(), [&](const Language& l) { return l.locale == locale; });
    return it == languages.end() ? nullptr : &*it;
}

namespace {

bool counts(const AnswerValue& value) {
    const auto* code = std::get_if<std::string>(&value);
    return !code || *code != kPreferNotToSay;
}

}  // namespace

std::vector<bool> asked_questions(const Form& form, const Answers& answers) {
    std::vector<bool> asked(form.questions.size(), false);
    Answers so_far;
    for (size_t i = 0; i < form.questions.size(); ++i) {
        const Question& q = form.questions[i];
        asked[i] = !q.show_if || q.show_if->holds(so_far);
        if (!asked[i]) continue;
        const auto answer = answers.find(q.id);
        if (answer != answers.end() && counts(answer->second)) so_far.insert(*answer);
    }
    return asked;
}

Answers counted_answers(const Form& form, const Answers& answers) {
    const std::vector<bool> asked = asked_questions(form, answers);
    Answers counted;
    for (size_t i = 0; i < form.questions.size(); ++i) {
        if (!asked[i]) continue;
        const auto answer = answers.find(form.questions[i].id);
        if (answer != answers.end() && counts(answer->second)) counted.insert(*answer);
    }
    return counted;
}

}  // namespace selfcheck
