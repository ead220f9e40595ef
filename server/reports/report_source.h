#pragma once
// Where a report's figures come from: the store's records in the range, counted and
// protected by build_report. The dashboard's routes and `collector report` both call this,
// so a table reads the same in a browser and on a terminal.

#include "server/reports/report_builder.h"

namespace selfcheck::collector {

class RecordStore;

// Throws StorageError when the store cannot be read.
Report report_from_store(const RecordStore& store, const selfcheck::Content& content, const ReportLabels& labels,
                         const ReportRequest& request);

}  // namespace selfcheck::collector
