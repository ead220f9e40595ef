#pragma once
// The form versions this collector accepts records for, loaded from content directories with
// the protocol's own loader and validator (protocol/content), the same code the kiosk runs.
// A record is checked against the version it names with the protocol's check_record, so
// kiosk and collector cannot disagree about what a record of that version may hold.
#include "protocol/content/content.h"
#include "protocol/content/messages.h"
#include "protocol/record/record.h"

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace selfcheck::collector {

class FormCatalog {
public:
    FormCatalog() = default;

    // Loads and validates each directory (form.yaml, indicators.yaml, scoring.yaml, ...)
    // against `messages`. Throws ContentError naming the directory and the problem, or a form
    // id and version that two directories both give.
    static FormCatalog load(const std::vector<std::filesystem::path>& content_dirs, const Messages& messages);

    // The content of the version `record` names, once its shape is known to be right.
    // Throws RecordError ("form_version: ... is not known to this collector").
    const Content& content_for(const Record& record) const;
    // Throws RecordError naming the field unless `record` fits the version it names and was
    // completed between that version's release and tomorrow in Hong Kong.
    void check(const Record& record) const;

    // The highest version of the (first) form: what reports are laid out by.
    std::shared_ptr<const Content> newest() const;
    // Every version of newest()'s form, oldest first: what reports count records of, each
    // record by its own version (report_builder.h).
    std::vector<std::shared_ptr<const Content>> versions() const;
    // "hk-mdw-self-assessment v1, ..." for start-up messages.
    std::string describe() const;

private:
    std::map<std::pair<std::string, int>, std::shared_ptr<const Content>> forms_;
};

// The first day records of a form version can carry (YYYY-MM-DD, Hong Kong).
inline constexpr const char* kFirstRelease = "2026-11-22";
std::string release_date(const std::string& form_id, int form_version);

// Throws RecordError unless completed_on lies from the release date of the record's form
// version up to the Hong Kong date a day after `now`.
void check_completed_on(const Record& record, std::chrono::system_clock::time_point now);

}  // namespace selfcheck::collector
