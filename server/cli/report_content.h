#pragma once
// The form versions a collector accepts and the English labels reports use, loaded from
// --content and --locales (or this build's defaults): shared by `serve` and `report`.

#include "server/catalog/form_catalog.h"
#include "server/cli/options.h"
#include "server/reports/report_labels.h"

#include <memory>

namespace selfcheck::collector {

struct ReportContent {
    FormCatalog forms;
    std::shared_ptr<const Content> report_form;  // the newest form version: what reports count
    ReportLabels labels;
};

// Throws what the loaders throw (naming the file and problem).
ReportContent load_report_content(const Options& options);

}  // namespace selfcheck::collector
