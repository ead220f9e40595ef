#include "kiosk/core/help_plan.h"

#include <algorithm>

namespace selfcheck {

UrgentRules default_urgent_rules() {
    return {{"physical_and_sexual_violence", "intimidation_and_threats", "restriction_of_movement"},
            {"police_emergency", "bethune_house"}};
}

namespace {

bool named(const std::vector<std::string>& list, const std::string& id) {
    return std::find(list.begin(), list.end(), id) != list.end();
}

// Lower sorts first.
int rank(const Organisation& o, const Assessment& a, const std::string& locale, const UrgentRules& rules, bool urgent) {
    if (urgent) {
        const auto it = std::find(rules.first_when_urgent.begin(), rules.first_when_urgent.end(), o.id);
        if (it != rules.first_when_urgent.end()) return int(it - rules.first_when_urgent.begin());
    }
    bool for_her = false;
    for (const auto& i : a.indicators) for_her = for_her || named(o.for_indicators, i);
    for (const auto& b : a.breaches) for_her = for_her || named(o.for_breaches, b);
    const bool speaks = named(o.languages, locale);
    return 100 + (for_her ? 0 : 4) + (speaks ? 0 : 2) + (o.is_verified() ? 0 : 1);
}

}  // namespace

HelpPlan plan_help(const Content& content, const Assessment& assessment, const std::string& locale,
                   const UrgentRules& rules, size_t at_most) {
    HelpPlan plan;
    for (const auto& i : assessment.indicators) plan.urgent = plan.urgent || rules.urgent_indicators.count(i) > 0;
    std::vector<const Organisation*> chosen = choose_help(content, assessment);
    std::vector<const Organisation*> ranked = chosen;
    std::stable_sort(ranked.begin(), ranked.end(), [&](const Organisation* x, const Organisation* y) {
        return rank(*x, assessment, locale, rules, plan.urgent) < rank(*y, assessment, locale, rules, plan.urgent);
    });
    for (const Organisation* o : ranked)
        if (plan.now.size() < at_most && (!o->phone.empty() || !o->whatsapp.empty())) plan.now.push_back(o);
    for (const Organisation* o : chosen)
        if (std::find(plan.now.begin(), plan.now.end(), o) == plan.now.end()) plan.more.push_back(o);
    return plan;
}

}  // namespace selfcheck
