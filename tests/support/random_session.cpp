#include "tests/support/random_session.h"

#include "kiosk/core/session.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace selfcheck::testing {

namespace {

size_t pick(std::mt19937& random, size_t count) { return std::uniform_int_distribution<size_t>(0, count - 1)(random); }

AnswerValue random_answer(const Question& q, std::mt19937& random) {
    if (q.type == QuestionType::Choice) return q.options[pick(random, q.options.size())].code;
    if (pick(random, 10) == 0) return std::string(kPreferNotToSay);
    // Any amount the number pad can leave: a whole number of steps above the minimum.
    const int step = std::max(1, q.number.step);
    return q.number.min + step * std::uniform_int_distribution<int>(0, (q.number.max - q.number.min) / step)(random);
}

}  // namespace

Record complete_random_session(const Content& content, std::mt19937& random, const std::string& site,
                               const std::string& date) {
    std::optional<Record> completed;
    Session session(content, SessionSettings{site, [&] { return date; }, [&](Record r) { completed = std::move(r); }});
    session.choose_language(content.form.languages[pick(random, content.form.languages.size())].locale);
    session.accept_privacy();
    for (size_t guard = 0; session.step() == Step::Question && guard < 10 * content.form.questions.size(); ++guard)
        session.answer(random_answer(*session.current_question(), random));
    if (!completed) throw std::logic_error("the random walk did not complete the form");
    return std::move(*completed);
}

}  // namespace selfcheck::testing
