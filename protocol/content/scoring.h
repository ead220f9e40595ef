#pragma once
// Turns answers into a result, following the ILO's rule (facts.md §1.2, §1.3): a dimension is
// positive when it holds at least one involuntariness and at least one penalty indicator
// (optionally one of them strong); any positive dimension gives the first level, any signal
// at all the second, nothing the last. Only the answers that count (form.h, counted_answers).
#include "protocol/content/answers.h"
#include "protocol/content/content.h"

#include <map>
#include <set>
#include <string>
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
    std::set<std::string> indicators;  // raised ILO indicators
    std::set<std::string> breaches;    // Hong Kong rights concerned
    std::map<std::string, DimensionFindings> dimensions;
    std::vector<std::string> positive_dimensions;
};

Assessment assess(const Content& content, const Answers& answers);

// The help entries to show for an assessment, in directory order: those named for its level,
// or for any indicator or breach it raised.
std::vector<const Organisation*> choose_help(const Content& content, const Assessment& assessment);

}  // namespace selfcheck
