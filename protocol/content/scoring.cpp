#include "protocol/content/scoring.h"

#include "protocol/content/dated_values.h"

#include <algorithm>

namespace selfcheck {

bool DimensionFindings::positive(bool require_strong) const {
    if (!involuntariness || !penalty) return false;
    return !require_strong || strong_involuntariness || strong_penalty;
}

namespace {

// Counts the questions asked (demographic ones left out) and how many of them got no clear
// answer: declined ("prefer not to say" is never counted, so it is missing here), or answered
// with one of the content's unclear codes ("not sure").
void count_unclear(const Content& content, const Answers& counted, Assessment& result) {
    const Form& form = content.form;
    const std::vector<bool> asked = asked_questions(form, counted);
    const auto& unclear = content.scoring.unclear_codes;
    for (size_t i = 0; i < form.questions.size(); ++i) {
        const Question& q = form.questions[i];
        if (!asked[i] || q.demographic) continue;
        ++result.questions_asked;
        const auto answer = counted.find(q.id);
        const auto* code = answer == counted.end() ? nullptr : std::get_if<std::string>(&answer->second);
        const bool clear =
            answer != counted.end() && (!code || std::find(unclear.begin(), unclear.end(), *code) == unclear.end());
        if (!clear) ++result.questions_unclear;
    }
}

}  // namespace

Assessment assess(const Content& content, const Answers& given, std::string_view date) {
    const DatedNumbers dated = dated_numbers_on(content, date);
    // Only answers that count: to questions asked (chained show_if included), never "prefer
    // not to say", so declining a question raises nothing and a stale answer counts for nothing.
    const Answers answers = counted_answers(content.form, given);
    Assessment result;
    for (const Question& q : content.form.questions) {
        if (!answers.count(q.id)) continue;
        for (const Signal& signal : q.signals) {
            if (!signal.when.holds(answers, dated)) continue;
            result.urgent |= signal.urgent;
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
    count_unclear(content, answers, result);

    const bool any_signal = !result.indicators.empty() || !result.breaches.empty();
    // "Most": more than half of the questions asked.
    const bool mostly_unanswered = result.questions_unclear * 2 > result.questions_asked;
    for (const ResultLevel& level : content.scoring.levels) {
        bool holds = false;
        switch (level.when) {
        case ResultLevel::When::AnyDimensionPositive: holds = !result.positive_dimensions.empty(); break;
        case ResultLevel::When::AnySignal: holds = any_signal; break;
        case ResultLevel::When::MostlyUnanswered: holds = mostly_unanswered; break;
        case ResultLevel::When::Always: holds = true; break;
        }
        if (holds) {
            result.level = &level;
            break;
        }
    }
    return result;
}

std::vector<const Organisation*> urgent_help(const Content& content, const Assessment& assessment) {
    std::vector<const Organisation*> chosen;
    if (!assessment.urgent) return chosen;
    for (const Organisation& o : content.directory)
        if (o.urgent) chosen.push_back(&o);
    return chosen;
}

std::vector<const Organisation*> choose_help(const Content& content, const Assessment& assessment) {
    auto named = [](const std::vector<std::string>& list, const std::string& id) {
        return std::find(list.begin(), list.end(), id) != list.end();
    };
    std::vector<const Organisation*> chosen = urgent_help(content, assessment);
    for (const Organisation& o : content.directory) {
        if (std::find(chosen.begin(), chosen.end(), &o) != chosen.end()) continue;
        bool show = assessment.level && named(o.for_levels, assessment.level->id);
        for (const auto& i : assessment.indicators) show = show || named(o.for_indicators, i);
        for (const auto& b : assessment.breaches) show = show || named(o.for_breaches, b);
        if (show) chosen.push_back(&o);
    }
    return chosen;
}

}  // namespace selfcheck
