#include "protocol/content/condition.h"

#include <algorithm>

namespace selfcheck {

bool Condition::holds(const Answers& answers, const DatedNumbers& dated) const {
    switch (kind) {
    case Kind::All:
        return std::all_of(children.begin(), children.end(),
                           [&](const Condition& c) { return c.holds(answers, dated); });
    case Kind::Any:
        return std::any_of(children.begin(), children.end(),
                           [&](const Condition& c) { return c.holds(answers, dated); });
    case Kind::Not: return !children.empty() && !children.front().holds(answers, dated);
    default: break;
    }
    auto it = answers.find(question);
    if (it == answers.end()) return false;
    if (kind == Kind::AnswerIn) {
        const auto* code = std::get_if<std::string>(&it->second);
        return code && std::find(codes.begin(), codes.end(), *code) != codes.end();
    }
    const auto* number = std::get_if<int>(&it->second);
    if (!number) return false;
    int limit = threshold;
    if (!dated_threshold.empty()) {
        const auto value = dated.find(dated_threshold);
        if (value == dated.end()) return false;
        limit = value->second;
    }
    return kind == Kind::Below ? *number < limit : *number >= limit;
}

bool Condition::uses_dated_value() const {
    if (!dated_threshold.empty()) return true;
    return std::any_of(children.begin(), children.end(), [](const Condition& c) { return c.uses_dated_value(); });
}

void Condition::collect_questions(std::vector<std::string>& out) const {
    if (!question.empty()) out.push_back(question);
    for (const auto& child : children) child.collect_questions(out);
}

}  // namespace selfcheck
