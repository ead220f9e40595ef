#include "server/cli/report_content.h"

#include "protocol/content/content_messages.h"
#include "protocol/time/dates.h"

#include <filesystem>
#include <vector>

namespace selfcheck::collector {

ReportContent load_report_content(const Options& options) {
    std::vector<std::filesystem::path> content_dirs(options.content_dirs.begin(), options.content_dirs.end());
    if (content_dirs.empty()) content_dirs.emplace_back(SELFCHECK_DEFAULT_CONTENT_DIR);
    const std::filesystem::path locales_dir =
        std::filesystem::path(options.locales_dir.empty() ? SELFCHECK_DEFAULT_LOCALES_DIR : options.locales_dir);
    ReportContent content;
    auto messages = std::make_shared<Messages>(locales_dir);
    content.forms = FormCatalog::load(content_dirs, *messages);
    content.report_form = content.forms.newest();
    // The wage and allowance figures the labels quote are the ones in force today (Hong Kong).
    messages->set_shared_args(content_args(*content.report_form, hong_kong_today()));
    content.labels = ReportLabels(messages);
    return content;
}

}  // namespace selfcheck::collector
