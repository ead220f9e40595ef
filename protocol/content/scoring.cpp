#include "protocol/content/scoring.h"

#include <algorithm>

namespace selfcheck {

bool DimensionFindings::positive(bool require_strong) const {
    if (!involuntariness || !penalty) return false;
    return !require_strong || strong_involuntariness || strong_penalty;
}

Assessment assess(const Content& content, const Answers& given) {
    // Only answers that count: to questions asked (chained show_if included), never "prefer
    // not to say", so declining a question raises nothing and a stale answer counts for nothing.
    const Answers answers = counted_answers(content.form, given);
    Assessment result;
    for (const Question& q : content.form.questions) {
        if (!answers.count(q.id)) continue;
        for (const Signal& signal : q.signals) {
            if (!signal.when.holds(answers)) continue;
            if (!signal.breach.empty()) result.breaches.insert(signal.breach);
            if (signal.indicator.empty()) continue;
            result.indicators.insert(signal.indicator);
            DimensionFindings& d = result.dimensions[signal.dimension];
            const bool strong = signal.strength == "strong";
            if (signal.role == "involuntariness") {
                d.involuntariness = true;
                d.strong_involuntariness |= strong;
            } else {
                d.penalty = true;
                d.strong_penalty |= strong;
            }
        }
    }
    for (const auto& [dimension, findings] : result.dimensions)
        if (findings.positive(content.scoring.require_strong)) result.positive_dimensions.push_back(dimension);

    const bool any_signal = !result.indicators.empty() || !result.breaches.empty();
    for (const ResultLevel& level : content.scoring.levels) {
        const bool holds =
            level.when == ResultLevel::When::Always || (level.when == ResultLevel::When::AnySignal && any_signal) ||
            (level.when == ResultLevel::When::AnyDimensionPositive && !result.positive_dimensions.empty());
        if (holds) {
            result.level = &level;
            break;
        }
    }
    return result;
}

std::vector<const Organisation*> choose_help(const Content& content, const Assessment& assessment) {
    auto named = [](const std::vector<std::string>& list, const std::string& id) {
        return std::find(list.begin(), list.end(), id) != list.end();
    };
    std::vector<const Organisation*> chosen;
    for (const Organisation& o : content.directory) {
        bool show = assessment.level && named(o.for_levels, assessment.level->id);
        for (const auto& i : assessment.indicators) show = show || named(o.for_indicators, i);
        for (const auto& b : assessment.breaches) show = show || named(o.for_breaches, b);
        if (show) chosen.push_back(&o);
    }
    return chosen;
}

}  // namespace selfcheck
