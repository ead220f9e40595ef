#pragma once
// Reads content/form.yaml into a Form, strictly: a malformed or inconsistent file raises a
// ContentError naming file, line, column and what was expected.
#include "protocol/content/form.h"

#include <filesystem>
#include <map>
#include <string>

namespace selfcheck {

// Named numbers a condition may use instead of a literal (e.g. minimum_allowable_wage_hkd),
// so a yearly change is made in one place.
using Constants = std::map<std::string, int>;

Form load_form(const std::filesystem::path& file, const Constants& constants = {});

}  // namespace selfcheck
