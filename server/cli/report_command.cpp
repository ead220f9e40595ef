// `collector report`: the dashboard's protected tables on standard output, for an analyst
// without a browser (or a cron job). The same build_report and the same writers.
#include "server/cli/commands.h"
#include "server/cli/report_content.h"
#include "server/reports/report_csv.h"
#include "server/reports/report_json.h"
#include "server/reports/report_params.h"
#include "server/reports/report_source.h"
#include "server/reports/report_text.h"
#include "server/store/open_store.h"

#include <iostream>

namespace selfcheck::collector {

int run_report(const Options& options) {
    std::multimap<std::string, std::string> params = {{"from", options.from}, {"to", options.to}};
    if (!options.site.empty()) params.emplace("site", options.site);
    const ReportParamsResult parsed = parse_report_params(params);
    if (!parsed.request) {
        std::cerr << "collector: " << parsed.error << "\nTry 'collector --help'.\n";
        return kExitUsage;
    }
    try {
        const ReportContent content = load_report_content(options);
        const auto store = open_store(options.db, StoreOpenMode::MustExist);
        const auto versions = content.forms.versions();
        FormVersions counted;
        for (const auto& version : versions) counted.push_back(version.get());
        const Report report = report_from_store(*store, counted, content.labels, *parsed.request);
        switch (options.format) {
        case ReportFormat::Table: std::cout << report_to_text(report); break;
        case ReportFormat::Csv: std::cout << report_to_csv(report); break;
        case ReportFormat::Json: std::cout << report_to_json(report).dump(2) << '\n'; break;
        }
        return kExitOk;
    } catch (const std::exception& error) {
        std::cerr << "collector: " << error.what() << '\n';
        return kExitFailure;
    }
}

}  // namespace selfcheck::collector
