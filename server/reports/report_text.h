#pragma once
// A report as plain-text tables for a terminal (`collector report --format table`): the same
// figures as the dashboard, suppressed ones reading "suppressed", percentages as percent.h.

#include "server/reports/report.h"

#include <string>

namespace selfcheck::collector {

std::string report_to_text(const Report& report);

}  // namespace selfcheck::collector
