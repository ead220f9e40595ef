#pragma once
// Reads content/form.yaml into a Form, strictly: a malformed or inconsistent file raises a
// ContentError naming file, line, column and what was expected.
#include "protocol/content/form.h"

#include <filesystem>
#include <map>
#include <set>
#include <string>

namespace selfcheck {

// Named numbers a condition may use instead of a literal (e.g. minimum_allowable_wage_hkd),
// so a yearly change is made in one place.
using Constants = std::map<std::string, int>;

// `dated_names` are the values that change with the date (rights.yaml dated_values and
// running-contract rules): a signal may compare with one by name, resolved when it is scored;
// a show_if may not, so what is asked never depends on the day.
Form load_form(const std::filesystem::path& file, const Constants& constants = {},
               const std::set<std::string>& dated_names = {});

}  // namespace selfcheck
