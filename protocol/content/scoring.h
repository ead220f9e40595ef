#pragma once
// Turns answers into a result, following the ILO's rule (facts.md §1.2, §1.3): a dimension is
// positive when it holds at least one involuntariness and at least one penalty indicator
// (optionally one of them strong); any positive dimension gives the first level, any signal
// at all the second, most questions declined or unclear the third (nothing can be said), and
// otherwise the last. Only the answers that count (form.h, counted_answers): "prefer not to
// say" and answers to questions the skip logic does not ask raise nothing.
#include "protocol/content/answers.h"
#include "protocol/content/content.h"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace selfcheck {

struct DimensionFindings {
    bool involuntariness = false;
    bool penalty = false;
    bool strong_involuntariness = false;
    bool strong_penalty = false;
    bool positive(bool require_strong) const;
};

struct Assessment {
    const ResultLevel* level = nullptr;
    std::set<std::string> indicators;  // raised ILO indicators (and ICLS items)
    std::set<std::string> breaches;    // Hong Kong rights concerned
    std::map<std::string, DimensionFindings> dimensions;
    std::vector<std::string> positive_dimensions;
    // She may be in danger now (a signal marked urgent: violence, sexual abuse, being locked
    // in, threats to her or her family). At any level, "What to do now" comes first
    // (ScoringRules::urgent_*_key) with the urgent help entries (urgent_help).
    bool urgent = false;
    size_t questions_asked = 0;    // asked by the skip logic, "About you" left out
    size_t questions_unclear = 0;  // of those: declined, unanswered or answered with an unclear code
};

// Scores `answers` as on `date` (YYYY-MM-DD): thresholds that change with the date, such as
// the lowest lawful wage of a running contract, take their value for that day
// (dated_values.h). The kiosk passes the completion date, the collector a record's
// completed_on, so both give the same result. Throws std::invalid_argument for a non-date.
Assessment assess(const Content& content, const Answers& answers, std::string_view date);

// The help entries to show for an assessment, in directory order: those named for its level,
// or for any indicator or breach it raised. When it is urgent, the directory's urgent entries
// come first (police 999, shelters), whatever else they are named for.
std::vector<const Organisation*> choose_help(const Content& content, const Assessment& assessment);

// Only the urgent entries, in directory order; empty when the assessment is not urgent.
std::vector<const Organisation*> urgent_help(const Content& content, const Assessment& assessment);

}  // namespace selfcheck
