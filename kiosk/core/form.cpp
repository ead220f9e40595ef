#include "form.h"

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

}  // namespace selfcheck
