#pragma once
// Which help entries the result leads with ("What to do now") and in what order, from what
// the assessment found. When she reported violence, being locked in or threats, the police
// (999) and a shelter come first. Content does not yet say which findings are urgent or
// which entries are the emergency ones, so UrgentRules carries today's reading of
// content/indicators.yaml and content/directory.yaml; content can supply it later.
#include "protocol/content/content.h"
#include "protocol/content/scoring.h"

#include <set>
#include <string>
#include <vector>

namespace selfcheck {

struct UrgentRules {
    // Indicators (indicators.yaml ids) that mean she may be in danger now.
    std::set<std::string> urgent_indicators;
    // Directory ids put first, in this order, when any urgent indicator was raised.
    std::vector<std::string> first_when_urgent;
};

// Today: physical_and_sexual_violence, intimidation_and_threats, restriction_of_movement;
// then police_emergency and bethune_house (the shelter).
UrgentRules default_urgent_rules();

struct HelpPlan {
    bool urgent = false;                    // an urgent indicator was raised
    std::vector<const Organisation*> now;   // one to three, each with a number to call or message
    std::vector<const Organisation*> more;  // the rest of choose_help(), in directory order
};

// From choose_help()'s entries: urgent ones first (when urgent), then those named for her own
// findings (an indicator or breach she raised) before those shown for her level alone, those
// speaking `locale` before others, verified numbers before unverified; the directory's order
// otherwise. Only entries with a phone or WhatsApp number go in `now`.
HelpPlan plan_help(const Content& content, const Assessment& assessment, const std::string& locale,
                   const UrgentRules& rules = default_urgent_rules(), size_t at_most = 3);

}  // namespace selfcheck
