#pragma once
// Checks the content as a whole before it reaches a kiosk: every message in every language,
// no unused messages, MessageFormat syntax and placeholders that agree across languages,
// every id that one file names defined in another, every ILO indicator mapped, every result
// level reachable, and a complete help directory. Run by `kiosk-content validate` and by the
// kiosk at start, which refuses to show a broken form.
#include "protocol/content/content.h"
#include "protocol/content/messages.h"

#include <map>
#include <string>
#include <vector>

namespace selfcheck {

struct ContentProblem {
    enum class Severity { Error, Warning };
    Severity severity;
    std::string where;  // file, or locale:key
    std::string message;
};

struct ContentReport {
    std::vector<ContentProblem> problems;
    size_t questions = 0;
    size_t sections = 0;
    size_t questions_with_skip_logic = 0;
    size_t messages_needed = 0;                  // per locale
    std::map<std::string, double> completeness;  // locale -> percent of needed messages present
    size_t indicators_defined = 0;               // the ILO's eleven (2012 booklet)
    size_t indicators_mapped = 0;
    size_t icls_items_defined = 0;  // ICLS 2018 items the eleven do not name
    size_t icls_items_mapped = 0;
    size_t rights = 0;
    std::vector<std::string> reachable_levels;
    std::string reachability_date;  // the day the levels were tried on (dated thresholds)
    size_t directory_verified = 0;
    size_t directory_unverified = 0;

    size_t errors() const;
    size_t warnings() const;
    bool ok() const { return errors() == 0; }
};

// Message keys the kiosk's own screens use, with the named arguments each one is given.
const std::map<std::string, std::vector<std::string>>& chrome_messages();

// Every message key the content refers to (form, indicators, rights, levels, directory).
std::vector<std::string> content_message_keys(const Content& content);

ContentReport validate_content(const Content& content, const Messages& messages);

// One line a problem: "error: where: message".
std::string describe(const ContentProblem& problem);

}  // namespace selfcheck
