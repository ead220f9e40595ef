#pragma once
// The words of reports, in English (the analysts' language), from the same compiled message
// bundles the kiosk shows (protocol/content/messages.h), so analysts read each question as the
// kiosk asked it, the content's constants filled in.
#include "protocol/content/messages.h"

#include <memory>
#include <string>

namespace selfcheck::collector {

inline constexpr const char* kReportLocale = "en";

class ReportLabels {
public:
    ReportLabels() = default;  // no messages: every label is its fallback
    explicit ReportLabels(std::shared_ptr<const Messages> messages) : messages_(std::move(messages)) {}

    // The text for `key`, or `fallback` when the bundles have none.
    std::string text(const std::string& key, const std::string& fallback) const;

private:
    std::shared_ptr<const Messages> messages_;
};

// "retention_of_identity_documents" -> "Retention of identity documents".
std::string humanise_id(const std::string& id);

}  // namespace selfcheck::collector
