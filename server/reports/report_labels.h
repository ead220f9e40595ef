#pragma once
// English words for reports, read straight from locales/en.txt (its `key { "text" }` lines),
// so analysts see the question as the kiosk asked it without loading ICU bundles.

#include <filesystem>
#include <map>
#include <string>

namespace collector {

class ReportLabels {
public:
    ReportLabels() = default;
    // Throws std::runtime_error naming the file if it cannot be read.
    static ReportLabels load(const std::filesystem::path& en_txt);

    // The text for `key`, or `fallback` when the file has none.
    std::string text(const std::string& key, const std::string& fallback) const;

    void set(const std::string& key, const std::string& text) { texts_[key] = text; }

private:
    std::map<std::string, std::string> texts_;
};

// "retention_of_identity_documents" -> "Retention of identity documents".
std::string humanise_id(const std::string& id);

}  // namespace collector
