#include "protocol/record/record_rules.h"

#include "protocol/content/identifiers.h"
#include "protocol/content/scoring.h"
#include "protocol/time/dates.h"

#include <algorithm>

namespace selfcheck {

namespace {

std::string form_name(const Record& record) {
    return "form " + quote_for_message(record.form_id) + " version " + std::to_string(record.form_version);
}

void check_answer(const Question& q, const AnswerValue& value) {
    const std::string field = "answers." + q.id;
    if (q.type == QuestionType::Choice) {
        const auto* code = std::get_if<std::string>(&value);
        if (!code) throw RecordError(field + ": expected an answer code, got a number");
        if (*code == kPreferNotToSay) throw RecordError(field + ": \"prefer not to say\" is never kept in a record");
        const bool offered = std::any_of(q.options.begin(), q.options.end(),
                                         [&](const AnswerOption& option) { return option.code == *code; });
        if (!offered) throw RecordError(field + ": " + quote_for_message(*code) + " is not one of its answers");
        return;
    }
    const auto* number = std::get_if<int>(&value);
    if (!number) throw RecordError(field + ": expected a whole number, got an answer code");
    const NumberRange& range = q.number;
    if (*number < range.min || *number > range.max)
        throw RecordError(field + ": " + std::to_string(*number) + " is outside " + std::to_string(range.min) + " to " +
                          std::to_string(range.max));
    if (range.step > 1 && (*number - range.min) % range.step != 0)
        throw RecordError(field + ": " + std::to_string(*number) + " is not a step of " + std::to_string(range.step) +
                          " from " + std::to_string(range.min));
}

}  // namespace

void check_record(const Content& content, const Record& record) {
    const Form& form = content.form;
    if (record.form_id != form.id || record.form_version != form.version)
        throw RecordError("form_version: " + form_name(record) + " is not form " + quote_for_message(form.id) +
                          " version " + std::to_string(form.version));
    const std::string label = form_name(record);
    if (!form.find_language(record.language))
        throw RecordError("language: " + quote_for_message(record.language) + " is not offered by " + label);
    for (const auto& [question_id, value] : record.answers) {
        const Question* q = form.find(question_id);
        if (!q) throw RecordError("answers." + question_id + ": no such question in " + label);
        check_answer(*q, value);
    }
    const std::vector<bool> asked = asked_questions(form, record.answers);
    for (size_t i = 0; i < form.questions.size(); ++i)
        if (!asked[i] && record.answers.count(form.questions[i].id))
            throw RecordError("answers." + form.questions[i].id + ": the skip logic of " + label +
                              " does not ask this question given the other answers");
    for (size_t i = 0; i < record.indicators.size(); ++i) {
        const std::string& id = record.indicators[i];
        const bool known = std::any_of(content.indicators.begin(), content.indicators.end(),
                                       [&](const Indicator& indicator) { return indicator.id == id; });
        if (!known)
            throw RecordError("indicators[" + std::to_string(i) + "]: " + quote_for_message(id) +
                              " is not an indicator of " + label);
    }
    if (!content.find_level(record.result_level))
        throw RecordError("result_level: " + quote_for_message(record.result_level) + " is not a level of " + label);
    // Both sides score with this code, on the day the record was completed (dated thresholds
    // such as the lowest lawful wage take that day's value); a difference means a forged or
    // damaged record.
    if (!is_calendar_date(record.completed_on))
        throw RecordError("completed_on: " + quote_for_message(record.completed_on) + " is not a date YYYY-MM-DD");
    const Assessment assessment = assess(content, record.answers, record.completed_on);
    if (std::vector<std::string>(assessment.indicators.begin(), assessment.indicators.end()) != record.indicators)
        throw RecordError("indicators: do not follow from the answers under " + label);
    if (!assessment.level || assessment.level->id != record.result_level)
        throw RecordError("result_level: does not follow from the answers under " + label);
}

Record build_record(const Content& content, const std::string& language, const Answers& answers,
                    const std::string& site, const std::string& completed_on) {
    Record record;
    record.record_id = random_record_id();
    record.form_id = content.form.id;
    record.form_version = content.form.version;
    record.language = language;
    record.site = site;
    record.completed_on = completed_on;
    for (const auto& [question_id, value] : answers)
        if (!content.form.find(question_id))
            throw RecordError("answers." + question_id + ": no such question in form " + content.form.id);
    record.answers = counted_answers(content.form, answers);
    if (!is_calendar_date(completed_on)) throw RecordError("completed_on: " + completed_on + " is not a date");
    const Assessment assessment = assess(content, record.answers, completed_on);
    record.indicators.assign(assessment.indicators.begin(), assessment.indicators.end());  // a std::set: sorted
    if (!assessment.level) throw RecordError("result_level: the assessment has no level");
    record.result_level = assessment.level->id;
    // Refused now, at completion, rather than by the collector once it is sealed and sent.
    if (!is_slug(site)) throw RecordError("site: " + quote_for_message(site) + " is not " + kSlugRule);
    check_record(content, record);
    record_from_json(record_to_json(record));
    return record;
}

std::size_t padded_record_size(const Content& content) {
    auto longer = [](const std::string& a, const std::string& b) { return a.size() < b.size(); };
    Record widest;
    widest.record_id = std::string(32, 'f');
    widest.form_id = content.form.id;
    widest.form_version = content.form.version;
    for (const Language& language : content.form.languages)
        widest.language = std::max(widest.language, language.locale, longer);
    widest.site = std::string(kMaxIdentifierLength, 'x');
    widest.completed_on = "9999-12-31";
    for (const Question& q : content.form.questions) {
        if (q.type == QuestionType::Number) {
            const int number =
                std::to_string(q.number.min).size() > std::to_string(q.number.max).size() ? q.number.min : q.number.max;
            widest.answers[q.id] = number;
            continue;
        }
        std::string code;
        for (const AnswerOption& option : q.options) code = std::max(code, option.code, longer);
        widest.answers[q.id] = code;
    }
    for (const Indicator& indicator : content.indicators) widest.indicators.push_back(indicator.id);
    std::sort(widest.indicators.begin(), widest.indicators.end());
    for (const ResultLevel& level : content.scoring.levels)
        widest.result_level = std::max(widest.result_level, level.id, longer);
    return record_to_json(widest).size() + 1;
}

RecordSealer::RecordSealer(const Content& content, const PublicKey& key)
    : padded_size_(padded_record_size(content)), key_(key) {}

std::string RecordSealer::seal(const Record& record) const {
    return seal_padded(record_to_json(record), padded_size_, key_);
}

}  // namespace selfcheck
