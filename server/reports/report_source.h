#pragma once
// Where a report's figures come from: the store's records in the range, counted and
// protected by build_report. The dashboard's routes and `collector report` both call this,
// so a table reads the same in a browser and on a terminal.

#include "server/reports/report_builder.h"

#include <iosfwd>
#include <memory>
#include <vector>

namespace selfcheck::collector {

class RecordStore;

// From the store's tallies when they are current for `content`'s form; otherwise (saying so
// on standard error) by counting the range's records. Throws StorageError when the store
// cannot be read.
Report report_from_store(const RecordStore& store, const selfcheck::Content& content, const ReportLabels& labels,
                         const ReportRequest& request);
// The same over every version of the form (oldest first), each record by its own version.
Report report_from_store(const RecordStore& store, const FormVersions& versions, const ReportLabels& labels,
                         const ReportRequest& request);

// Makes `store` keep tallies for `content`'s form as records arrive and, if the tallies it
// has are for another form or stale, rebuilds them from every record (one transaction;
// uploads wait meanwhile), logging to `log`. Returns true if it rebuilt them.
bool ensure_tallies(RecordStore& store, std::shared_ptr<const selfcheck::Content> content, std::ostream& log);
// The same for every version of the form (FormCatalog::versions(), oldest first).
bool ensure_tallies(RecordStore& store, std::vector<std::shared_ptr<const selfcheck::Content>> versions,
                    std::ostream& log);

}  // namespace selfcheck::collector
