#pragma once
// Which help entries the result leads with ("What to do now") and in what order, from what
// the assessment found. What is urgent is the content's to say (signals and directory entries
// marked `urgent`, scoring.h urgent_help); this only orders what choose_help() chose.
#include "protocol/content/content.h"
#include "protocol/content/scoring.h"

#include <string>
#include <vector>

namespace selfcheck {

struct HelpPlan {
    bool urgent = false;                    // the assessment's: she may be in danger now
    std::vector<const Organisation*> now;   // each with a number to call or message
    std::vector<const Organisation*> more;  // the rest of choose_help(), in its order
};

// From choose_help()'s entries. When the assessment is urgent, every urgent entry with a number
// (police 999, shelters, in directory order) leads `now`, however many there are; the others
// fill it up to `at_most` in all: those named for her own findings (an indicator or breach she
// raised) before those shown for her level alone, those speaking `locale` before others, and
// numbers that need no check on `today` (Organisation::number_needs_check) before those that
// do; the directory's order otherwise. Only entries with a phone or WhatsApp number go in `now`.
HelpPlan plan_help(const Content& content, const Assessment& assessment, const std::string& locale,
                   const std::string& today, size_t at_most = 3);

}  // namespace selfcheck
