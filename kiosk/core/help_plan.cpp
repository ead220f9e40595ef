#include "kiosk/core/help_plan.h"

#include <algorithm>

namespace selfcheck {
namespace {

bool named(const std::vector<std::string>& list, const std::string& id) {
    return std::find(list.begin(), list.end(), id) != list.end();
}

bool contains(const std::vector<const Organisation*>& list, const Organisation* o) {
    return std::find(list.begin(), list.end(), o) != list.end();
}

// Lower sorts first.
int rank(const Organisation& o, const Assessment& a, const std::string& locale, const std::string& today) {
    bool for_her = false;
    for (const auto& i : a.indicators) for_her = for_her || named(o.for_indicators, i);
    for (const auto& b : a.breaches) for_her = for_her || named(o.for_breaches, b);
    const bool speaks = named(o.languages, locale);
    return (for_her ? 0 : 4) + (speaks ? 0 : 2) + (o.number_needs_check(today) ? 1 : 0);
}

}  // namespace

HelpPlan plan_help(const Content& content, const Assessment& assessment, const std::string& locale,
                   const std::string& today, size_t at_most) {
    HelpPlan plan;
    plan.urgent = assessment.urgent;
    for (const Organisation* o : urgent_help(content, assessment))
        if (o->has_number()) plan.now.push_back(o);
    const std::vector<const Organisation*> chosen = choose_help(content, assessment);
    std::vector<const Organisation*> ranked;
    for (const Organisation* o : chosen)
        if (o->has_number() && !contains(plan.now, o)) ranked.push_back(o);
    std::stable_sort(ranked.begin(), ranked.end(), [&](const Organisation* x, const Organisation* y) {
        return rank(*x, assessment, locale, today) < rank(*y, assessment, locale, today);
    });
    for (const Organisation* o : ranked)
        if (plan.now.size() < at_most) plan.now.push_back(o);
    for (const Organisation* o : chosen)
        if (!contains(plan.now, o)) plan.more.push_back(o);
    return plan;
}

}  // namespace selfcheck
