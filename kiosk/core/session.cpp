#include "kiosk/core/session.h"

#include "protocol/content/identifiers.h"
#include "protocol/record/record_rules.h"

#include <algorithm>
#include <stdexcept>

namespace selfcheck {

Session::Session(const Content& content, SessionSettings settings)
    : content_(content), form_(content.form), settings_(std::move(settings)) {
    if (!settings_.today) throw std::invalid_argument("Session needs a date source");
    // Refused now, not when someone's record is built at the end of the form.
    if (!is_slug(settings_.site))
        throw std::invalid_argument("site \"" + settings_.site + "\": expected a site code (a-z 0-9 - _, 1-64)");
}

void Session::choose_language(const std::string& locale) {
    if (!form_.find_language(locale)) throw std::invalid_argument("language not offered: " + locale);
    locale_ = locale;
    if (step_ != Step::Welcome) return;
    answers_.clear();
    history_.clear();
    step_ = Step::Privacy;
}

void Session::accept_privacy() {
    if (step_ != Step::Privacy) return;
    current_ = 0;
    while (current_ < form_.questions.size() && !is_asked(current_)) ++current_;
    step_ = Step::Question;
}

bool Session::is_asked(size_t index) const { return asked_questions(form_, answers_)[index]; }

void Session::answer(const AnswerValue& value) {
    if (step_ != Step::Question) return;
    const Question& q = form_.questions[current_];
    answers_[q.id] = value;
    number_entry_.clear();
    history_.push_back(current_);
    size_t next = current_ + 1;
    while (next < form_.questions.size() && !is_asked(next)) ++next;
    if (next >= form_.questions.size()) {
        complete();
        return;
    }
    current_ = next;
}

void Session::back() {
    if (step_ != Step::Question) return;
    if (history_.empty()) {  // back from the first question: the privacy notice again
        step_ = Step::Privacy;
        number_entry_.clear();
        return;
    }
    current_ = history_.back();
    history_.pop_back();
    number_entry_.clear();
}

void Session::type_digit(int digit) {
    const Question* q = current_question();
    if (!q || q->type != QuestionType::Number || digit < 0 || digit > 9) return;
    if (number_entry_ == "0") number_entry_.clear();  // no leading zeros
    const std::string next = number_entry_ + char('0' + digit);
    if (next.size() > 9 || std::stol(next) > q->number.max) return;
    number_entry_ = next;
}

void Session::erase_digit() {
    if (!number_entry_.empty()) number_entry_.pop_back();
}

bool Session::confirm_number() {
    const Question* q = current_question();
    if (!q || q->type != QuestionType::Number || number_entry_.empty()) return false;
    int value = std::stoi(number_entry_);
    if (value < q->number.min || value > q->number.max) return false;
    // Recorded (and scored) at the form's precision, rounded down: coarser amounts say less
    // about who answered, and a threshold on a whole step (HK$5,100) compares the same.
    const int step = std::max(1, q->number.step);
    value = q->number.min + (value - q->number.min) / step * step;
    answer(value);
    return true;
}

void Session::complete() {
    // Scored and kept alike: only the answers that count (a changed earlier answer can hide
    // later ones), so what she is shown is what the record says.
    // One date for both: the collector re-scores the record on its completed_on.
    const std::string today = settings_.today();
    assessment_ = assess(content_, answers_, today);
    assessed_on_ = today;
    Record record = build_record(content_, locale_, answers_, settings_.site, today);
    step_ = Step::Result;
    answers_.clear();
    history_.clear();
    if (settings_.on_complete) settings_.on_complete(std::move(record));
}

void Session::wipe() {
    answers_.clear();
    number_entry_.clear();
    assessment_.reset();
    assessed_on_.clear();
    history_.clear();
    locale_.clear();
    current_ = 0;
    step_ = Step::Welcome;
}

const Question* Session::current_question() const {
    return step_ == Step::Question ? &form_.questions[current_] : nullptr;
}

int Session::position() const {
    const std::vector<bool> asked = asked_questions(form_, answers_);
    return int(std::count(asked.begin(), asked.begin() + long(std::min(current_ + 1, asked.size())), true));
}

int Session::total() const {
    const std::vector<bool> asked = asked_questions(form_, answers_);
    return int(std::count(asked.begin(), asked.end(), true));
}

}  // namespace selfcheck
