#include "server/reports/report_source.h"

#include "server/reports/record_tallier.h"
#include "server/store/record_store.h"

#include <iostream>

namespace selfcheck::collector {

Report report_from_store(const RecordStore& store, const selfcheck::Content& content, const ReportLabels& labels,
                         const ReportRequest& request) {
    return report_from_store(store, FormVersions{&content}, labels, request);
}

Report report_from_store(const RecordStore& store, const FormVersions& versions, const ReportLabels& labels,
                         const ReportRequest& request) {
    if (const std::optional<Tallies> tallies = store.tallies_in_range(request.filter, tally_fingerprint(versions)))
        return build_report_from_tallies(versions, labels, *tallies, request);
    const selfcheck::Content& newest = *versions.back();
    std::cerr << "collector: the report tallies are not current for form " << newest.form.id << " v"
              << newest.form.version << "; counting the records instead (`collector serve` rebuilds them at start)\n";
    return build_report(versions, labels, store.records_in_range(request.filter), request);
}

bool ensure_tallies(RecordStore& store, std::shared_ptr<const selfcheck::Content> content, std::ostream& log) {
    return ensure_tallies(store, std::vector<std::shared_ptr<const selfcheck::Content>>{std::move(content)}, log);
}

bool ensure_tallies(RecordStore& store, std::vector<std::shared_ptr<const selfcheck::Content>> versions,
                    std::ostream& log) {
    auto tallier = std::make_shared<const ContentTallier>(std::move(versions));
    store.set_tallier(tallier);
    if (store.tally_fingerprint() == tallier->fingerprint()) return false;
    log << "collector: counting the stored records into the report tallies..." << std::endl;
    const std::int64_t counted = store.rebuild_tallies();
    log << "collector: report tallies rebuilt from " << counted << " records" << std::endl;
    return true;
}

}  // namespace selfcheck::collector
