#include "kiosk/app/answers_file.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace selfcheck {

namespace {

std::string where(const std::filesystem::path& file, const YAML::Node& node) {
    return file.string() + ":" + std::to_string(node.Mark().line + 1);
}

const Question* find_question(const Form& form, const std::string& id) {
    for (const auto& q : form.questions)
        if (q.id == id) return &q;
    return nullptr;
}

}  // namespace

std::map<std::string, AnswerValue> load_answers_file(const std::filesystem::path& file, const Form& form) {
    YAML::Node root;
    try {
        root = YAML::LoadFile(file.string());
    } catch (const YAML::BadFile&) {
        throw AnswersFileError(file.string() + ": cannot be read");
    } catch (const YAML::Exception& e) {
        throw AnswersFileError(file.string() + ":" + std::to_string(e.mark.line + 1) + ": not YAML: " + e.msg);
    }
    if (!root.IsMap()) throw AnswersFileError(file.string() + ": expected a map of question id to answer code");
    std::map<std::string, AnswerValue> chosen;
    for (const auto& entry : root) {
        const std::string id = entry.first.as<std::string>();
        const Question* q = find_question(form, id);
        if (!q) throw AnswersFileError(where(file, entry.first) + ": '" + id + "' is not a question of the form");
        if (!entry.second.IsScalar())
            throw AnswersFileError(where(file, entry.second) + ": '" + id + "' needs one answer code or amount");
        const std::string value = entry.second.as<std::string>();
        if (value == kPreferNotToSay) {
            chosen[id] = value;
            continue;
        }
        if (q->type == QuestionType::Choice) {
            const bool offered = std::any_of(q->options.begin(), q->options.end(),
                                             [&](const AnswerOption& o) { return o.code == value; });
            if (!offered) {
                std::string codes;
                for (const auto& o : q->options) codes += (codes.empty() ? "" : ", ") + o.code;
                throw AnswersFileError(where(file, entry.second) + ": '" + value + "' is not an answer to '" + id +
                                       "' (one of: " + codes + ")");
            }
            chosen[id] = value;
        } else {
            int amount = 0;
            try {
                size_t used = 0;
                amount = std::stoi(value, &used);
                if (used != value.size()) throw std::invalid_argument(value);
            } catch (const std::exception&) {
                throw AnswersFileError(where(file, entry.second) + ": '" + id + "' needs a whole number, got '" +
                                       value + "'");
            }
            if (amount < q->number.min || amount > q->number.max)
                throw AnswersFileError(where(file, entry.second) + ": '" + id + "' must be from " +
                                       std::to_string(q->number.min) + " to " + std::to_string(q->number.max) +
                                       ", got " + value);
            chosen[id] = amount;
        }
    }
    return chosen;
}

AnswerPolicy answers_policy(std::map<std::string, AnswerValue> chosen) {
    return [chosen = std::move(chosen)](const Question& q, const Answers& answers) {
        const auto it = chosen.find(q.id);
        return it != chosen.end() ? it->second : first_answer(q, answers);
    };
}

}  // namespace selfcheck
