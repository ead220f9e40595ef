#include "record.h"

#include "form.h"
#include "record_allow_list.h"
#include "scoring.h"
#include "session.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <stdexcept>

namespace selfcheck {

std::string random_record_id() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not initialise");
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}

namespace {

// Only answers the form could have produced: an offered code or a number in range.
void check_answer(const Question& q, const AnswerValue& value) {
    if (const auto* code = std::get_if<std::string>(&value)) {
        for (const AnswerOption& option : q.options)
            if (option.code == *code) return;
        throw RecordError("answer to " + q.id + ": \"" + *code + "\" is not one of its answer codes");
    }
    const int number = std::get<int>(value);
    if (q.type != QuestionType::Number || number < q.number.min || number > q.number.max)
        throw RecordError("answer to " + q.id + ": " + std::to_string(number) + " is not a number it accepts");
}

}  // namespace

AnonymisedRecord build_record(const Form& form, const std::string& language, const Answers& asked_answers,
                              const Assessment& assessment, const std::string& site, const std::string& completed_on) {
    AnonymisedRecord record;
    record.record_id = random_record_id();
    record.form_id = form.id;
    record.form_version = form.version;
    record.language = language;
    record.site = site;
    record.completed_on = completed_on;
    for (const auto& [question_id, value] : asked_answers) {
        const Question* q = form.find(question_id);
        if (!q) throw RecordError("answer to " + question_id + ": no such question in form " + form.id);
        if (const auto* code = std::get_if<std::string>(&value); code && *code == kPreferNotToSay) continue;
        check_answer(*q, value);
        record.answers.insert({question_id, value});
    }
    record.indicators.assign(assessment.indicators.begin(), assessment.indicators.end());  // a std::set: sorted
    if (!assessment.level) throw RecordError("result_level: the assessment has no level");
    record.result_level = assessment.level->id;
    to_json(record);  // refuse now, at completion, anything the allow-list would refuse later
    return record;
}

std::string to_json(const AnonymisedRecord& record) {
    nlohmann::json answers = nlohmann::json::object();
    for (const auto& [question, value] : record.answers) {
        if (const auto* code = std::get_if<std::string>(&value))
            answers[question] = *code;
        else
            answers[question] = std::get<int>(value);
    }
    nlohmann::json j = {
        {"schema", record.schema},
        {"record_id", record.record_id},
        {"form_id", record.form_id},
        {"form_version", record.form_version},
        {"language", record.language},
        {"site", record.site},
        {"completed_on", record.completed_on},
        {"answers", answers},
        {"indicators", record.indicators},
        {"result_level", record.result_level},
    };
    std::string text = j.dump();
    check_record_json(text);
    return text;
}

}  // namespace selfcheck
