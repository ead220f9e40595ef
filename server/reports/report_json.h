#pragma once
// A report as the JSON the API returns (GET /api/v1/reports). A count is a whole number or
// the string "suppressed"; a share (0-1, four decimals) is a number, "suppressed", or null
// when nobody answered.

#include "server/reports/report.h"

#include <nlohmann/json.hpp>

namespace selfcheck::collector {

nlohmann::json report_to_json(const Report& report);

}  // namespace selfcheck::collector
