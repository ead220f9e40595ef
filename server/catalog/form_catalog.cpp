#include "server/catalog/form_catalog.h"

#include "protocol/content/content_error.h"
#include "protocol/content/content_validator.h"
#include "protocol/content/identifiers.h"
#include "protocol/record/record_rules.h"
#include "protocol/time/dates.h"

#include <chrono>

namespace selfcheck::collector {

FormCatalog FormCatalog::load(const std::vector<std::filesystem::path>& content_dirs, const Messages& messages) {
    FormCatalog catalog;
    for (const auto& dir : content_dirs) {
        auto content = std::make_shared<const Content>(load_content(dir));
        const ContentReport report = validate_content(*content, messages);
        if (!report.ok()) {
            std::string errors;
            for (const ContentProblem& problem : report.problems)
                if (problem.severity == ContentProblem::Severity::Error)
                    errors += "\n  " + selfcheck::describe(problem);
            throw ContentError(dir.string(), 0, 0,
                               "the content is not valid (" + std::to_string(report.errors()) + " errors):" + errors);
        }
        const auto key = std::make_pair(content->form.id, content->form.version);
        if (!catalog.forms_.emplace(key, content).second)
            throw ContentError(dir.string(), 0, 0,
                               "form '" + key.first + "' version " + std::to_string(key.second) + " is given twice");
    }
    return catalog;
}

const Content& FormCatalog::content_for(const Record& record) const {
    const auto found = forms_.find({record.form_id, record.form_version});
    if (found == forms_.end())
        throw RecordError("form_version: form " + quote_for_message(record.form_id) + " version " +
                          std::to_string(record.form_version) + " is not known to this collector");
    return *found->second;
}

void FormCatalog::check(const Record& record) const {
    check_record(content_for(record), record);
    check_completed_on(record, std::chrono::system_clock::now());
}

std::string release_date(const std::string& form_id, int form_version) {
    // Add a line when a form version is released; a version not listed is held to the first
    // release, before which no form existed.
    static const std::map<std::pair<std::string, int>, std::string> released = {
        {{"hk-mdw-self-assessment", 1}, "2026-11-22"},
    };
    const auto found = released.find({form_id, form_version});
    return found == released.end() ? kFirstRelease : found->second;
}

void check_completed_on(const Record& record, std::chrono::system_clock::time_point now) {
    const std::string earliest = release_date(record.form_id, record.form_version);
    // Tomorrow, not today: a kiosk whose clock runs a little fast near midnight is not refused.
    const std::string latest = hong_kong_date(now + std::chrono::hours(24));
    // YYYY-MM-DD dates compare as text (check_record has already judged the shape).
    if (record.completed_on < earliest || record.completed_on > latest) {
        throw RecordError("completed_on: " + record.completed_on + " is outside " + earliest + " (form version " +
                          std::to_string(record.form_version) + " released) to " + latest + " (tomorrow in Hong Kong)");
    }
}

std::shared_ptr<const Content> FormCatalog::newest() const {
    std::shared_ptr<const Content> newest;
    for (const auto& [key, content] : forms_)
        if (!newest || (key.first == newest->form.id && key.second > newest->form.version)) newest = content;
    return newest;
}

std::vector<std::shared_ptr<const Content>> FormCatalog::versions() const {
    std::vector<std::shared_ptr<const Content>> versions;
    const std::shared_ptr<const Content> last = newest();
    // forms_ is ordered by (form id, version): oldest first.
    for (const auto& [key, content] : forms_)
        if (last && key.first == last->form.id) versions.push_back(content);
    return versions;
}

std::string FormCatalog::describe() const {
    std::string text;
    for (const auto& [key, content] : forms_) {
        if (!text.empty()) text += ", ";
        text += key.first + " v" + std::to_string(key.second);
    }
    return text;
}

}  // namespace selfcheck::collector
