#include "server/validate/form_catalog.h"

#include "kiosk/core/content.h"
#include "kiosk/core/scoring.h"
#include "server/api/field_rules.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>

namespace collector {
namespace {

using nlohmann::json;

struct Mismatch {
    std::string reason;
};

std::string form_name(const Record& record) {
    return "form '" + record.form_id + "' version " + std::to_string(record.form_version);
}

// Checks one answer against its question and adds it to `answers` for scoring.
void check_answer(const selfcheck::Form& form, const std::string& key, const json& value, const std::string& form_label,
                  selfcheck::Answers& answers) {
    const std::string field = "answers." + key;
    const selfcheck::Question* question = form.find(key);
    if (question == nullptr) throw Mismatch{field + ": no such question in " + form_label};
    if (question->type == selfcheck::QuestionType::Choice) {
        if (!value.is_string()) throw Mismatch{field + ": expected an answer code, got a number"};
        const std::string& code = value.get_ref<const std::string&>();
        const bool known = std::any_of(question->options.begin(), question->options.end(),
                                       [&](const selfcheck::AnswerOption& o) { return o.code == code; });
        if (!known) throw Mismatch{field + ": " + quote_for_message(code) + " is not one of its answers"};
        answers[key] = code;
        return;
    }
    const selfcheck::NumberRange& range = question->number;
    if (!value.is_number_integer()) throw Mismatch{field + ": expected a whole number, got a string"};
    const auto number = value.get<std::int64_t>();  // the decoder kept it within +-2^53
    if (number < range.min || number > range.max) {
        throw Mismatch{field + ": " + std::to_string(number) + " is outside " + std::to_string(range.min) + " to " +
                       std::to_string(range.max)};
    }
    if (range.step > 1 && (number - range.min) % range.step != 0) {
        throw Mismatch{field + ": " + std::to_string(number) + " is not a step of " + std::to_string(range.step) +
                       " from " + std::to_string(range.min)};
    }
    answers[key] = static_cast<int>(number);
}

void check_against(const selfcheck::Content& content, const Record& record) {
    const std::string label = form_name(record);
    if (content.form.find_language(record.language) == nullptr) {
        throw Mismatch{"language: " + quote_for_message(record.language) + " is not offered by " + label};
    }
    selfcheck::Answers answers;
    const json parsed = json::parse(record.answers_json);
    for (const auto& [key, value] : parsed.items()) check_answer(content.form, key, value, label, answers);

    for (std::size_t i = 0; i < record.indicators.size(); ++i) {
        const std::string& id = record.indicators[i];
        const bool known = std::any_of(content.indicators.begin(), content.indicators.end(),
                                       [&](const selfcheck::Indicator& k) { return k.id == id; });
        if (!known) {
            throw Mismatch{"indicators[" + std::to_string(i) + "]: " + quote_for_message(id) +
                           " is not an indicator of " + label};
        }
    }
    if (content.find_level(record.result_level) == nullptr) {
        throw Mismatch{"result_level: " + quote_for_message(record.result_level) + " is not a level of " + label};
    }

    // The kiosk scores with the same code; a difference means a forged or damaged record.
    const selfcheck::Assessment assessment = selfcheck::assess(content, answers);
    const std::vector<std::string> expected(assessment.indicators.begin(), assessment.indicators.end());
    if (record.indicators != expected) {
        throw Mismatch{"indicators: do not follow from the answers under " + label};
    }
    if (assessment.level == nullptr || assessment.level->id != record.result_level) {
        throw Mismatch{"result_level: does not follow from the answers under " + label};
    }
}

}  // namespace

FormCatalog FormCatalog::load(const std::vector<std::filesystem::path>& content_dirs) {
    FormCatalog catalog;
    for (const auto& dir : content_dirs) {
        std::shared_ptr<const selfcheck::Content> content;
        try {
            content = std::make_shared<const selfcheck::Content>(selfcheck::load_content(dir));
        } catch (const std::exception& error) {
            throw std::runtime_error("content '" + dir.string() + "': " + error.what());
        }
        const auto key = std::make_pair(content->form.id, static_cast<std::int64_t>(content->form.version));
        if (!catalog.forms_.emplace(key, content).second) {
            throw std::runtime_error("content '" + dir.string() + "': form '" + key.first + "' version " +
                                     std::to_string(key.second) + " is given twice");
        }
    }
    return catalog;
}

std::string FormCatalog::check(const Record& record) const {
    const auto found = forms_.find({record.form_id, record.form_version});
    if (found == forms_.end()) {
        return "form_version: " + form_name(record) + " is not known to this collector";
    }
    try {
        check_against(*found->second, record);
    } catch (const Mismatch& mismatch) {
        return mismatch.reason;
    } catch (const std::exception&) {
        return "answers: could not be checked against " + form_name(record);
    }
    return "";
}

std::string FormCatalog::describe() const {
    std::string text;
    for (const auto& [key, content] : forms_) {
        if (!text.empty()) text += ", ";
        text += key.first + " v" + std::to_string(key.second);
    }
    return text;
}

}  // namespace collector
