#pragma once
// The one way a share is written as a percentage, for the HTML page, the CSV, the JSON and
// the terminal alike: count/of*100 rounded half up to one decimal, in whole-number
// arithmetic (5 of 80 is 6.25%, written 6.3; a double and printf would give 6.2).

#include "server/reports/report.h"

#include <optional>
#include <string>

namespace selfcheck::collector {

// "6.3"; empty optional when either figure is suppressed or `of` is zero.
std::optional<std::string> percent_text(const Count& count, const Count& of);
// The same for plain numbers (of > 0).
std::string percent_half_up(std::int64_t count, std::int64_t of);

}  // namespace selfcheck::collector
