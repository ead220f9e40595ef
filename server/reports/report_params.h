#pragma once
// The query string of GET /api/v1/reports and /reports.csv, checked: from and to
// (YYYY-MM-DD, real dates, from <= to), site (optional slug), k (optional whole number, not
// below the collector's minimum, so a URL cannot weaken the suppression).

#include "server/reports/report_builder.h"

#include <map>
#include <optional>
#include <string>

namespace selfcheck::collector {

struct ReportParamsResult {
    std::optional<ReportRequest> request;
    std::string error;  // set when request is not: "from: expected a date YYYY-MM-DD, got '2026-13-01'"
};

// `params` holds each parameter's value (a repeated parameter is an error the caller found).
ReportParamsResult parse_report_params(const std::multimap<std::string, std::string>& params,
                                       std::int64_t min_k = kDefaultMinCell);

}  // namespace selfcheck::collector
