#include "server/reports/report_source.h"

#include "server/store/record_store.h"

namespace selfcheck::collector {

Report report_from_store(const RecordStore& store, const selfcheck::Content& content, const ReportLabels& labels,
                         const ReportRequest& request) {
    return build_report(content, labels, store.records_in_range(request.filter), request);
}

}  // namespace selfcheck::collector
