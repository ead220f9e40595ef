#include "server/reports/report_labels.h"

namespace selfcheck::collector {

std::string ReportLabels::text(const std::string& key, const std::string& fallback) const {
    if (!messages_ || !messages_->has(kReportLocale, key)) return fallback;
    try {
        std::string text = messages_->text(kReportLocale, key);
        return text.empty() ? fallback : text;
    } catch (const MessageError&) {
        return fallback;  // a pattern that cannot be filled in: the id still says what it is
    }
}

std::string humanise_id(const std::string& id) {
    std::string out = id;
    for (char& c : out)
        if (c == '_') c = ' ';
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

}  // namespace selfcheck::collector
