#pragma once
// Turns the records a store returned into a Report: pure counting and suppression, no I/O.

#include "protocol/record/record.h"
#include "server/reports/report.h"
#include "server/reports/report_labels.h"

#include <vector>

namespace selfcheck {
struct Content;
}

namespace selfcheck::collector {

struct ReportRequest {
    RecordFilter filter;
    std::int64_t k = kDefaultMinCell;
};

// `content` is the form the report reads questions, codes, skip logic, indicators,
// dimensions and levels from; records of another form id are counted apart and left out.
// Throws std::runtime_error naming the record if one holds answers that are not JSON.
Report build_report(const selfcheck::Content& content, const ReportLabels& labels, const std::vector<Record>& records,
                    const ReportRequest& request);

// "1,037"
std::string with_thousands(std::int64_t value);

}  // namespace selfcheck::collector
