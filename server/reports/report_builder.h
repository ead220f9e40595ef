#pragma once
// Turns the records a store returned into a Report: pure counting and suppression, no I/O.

#include "protocol/record/record.h"
#include "server/reports/record_tallier.h"
#include "server/reports/report.h"
#include "server/reports/report_labels.h"
#include "server/store/report_tally.h"

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

// The same report from the tallies of the range (record_tallier.h cells, summed; the
// store's tallies_in_range). Identical to build_report over the range's records.
Report build_report_from_tallies(const selfcheck::Content& content, const ReportLabels& labels, const Tallies& tallies,
                                 const ReportRequest& request);

// The same over several versions of one form (oldest first, the newest last): each record is
// judged by its own version's questions, codes and skip logic, and question rows are merged by
// id. The newest version's question order and codes come first; a question or code only an
// older version has follows. Levels, indicators, dimensions and groupings are the newest's.
// A record of a version that lacks a question, or an option, is counted as not asked it, or
// as not offered it.
Report build_report(const FormVersions& versions, const ReportLabels& labels, const std::vector<Record>& records,
                    const ReportRequest& request);
Report build_report_from_tallies(const FormVersions& versions, const ReportLabels& labels, const Tallies& tallies,
                                 const ReportRequest& request);

// "1,037"
std::string with_thousands(std::int64_t value);

}  // namespace selfcheck::collector
