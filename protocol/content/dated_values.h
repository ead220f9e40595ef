#pragma once
// The content's numbers on one day. Some change on known dates (content/rights.yaml
// dated_values: the Minimum Allowable Wage by contract signing date, statutory holidays by
// year); some follow from them (running_contract_rules: the lowest rate a contract still
// running may lawfully carry). The day is always a parameter: the kiosk passes
// protocol/time/dates.h hong_kong_today(), the collector a record's completed_on, tests a
// pinned date.
#include "protocol/content/content.h"

#include <set>
#include <string>
#include <string_view>

namespace selfcheck {

// The names of every dated value and running-contract value the content defines.
std::set<std::string> dated_names(const Content& content);

// The value of each dated series in force on `date` (the last step on or before it) and each
// running-contract value on `date`. A value is left out when the content cannot give it for
// that day: before a series' first step, or while contracts signed before it (at a rate the
// table does not hold) may still be running. Throws std::invalid_argument unless `date` is a
// calendar date YYYY-MM-DD.
DatedNumbers dated_numbers_on(const Content& content, std::string_view date);

// The fixed constants and the dated values of `date` together: every named number a message
// may show on that day.
Constants numbers_on(const Content& content, std::string_view date);

// The last day a contract signed under `steps[index]` may still be running, given the rule;
// empty for the newest step (its contracts are still being signed).
std::string last_running_day(const RunningContractRule& rule, const DatedValue& series, size_t index);

}  // namespace selfcheck
