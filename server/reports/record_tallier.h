#pragma once
// What one record adds to the report tallies (server/store/report_tally.h), for one form:
// the cells build_report counts, so a report from the kept tallies and a report that counts
// the records are the same report. Every cell carries the record's form id, language and
// nationality (the answer's code as given, "" if none); kinds:
//   r  the record itself (records of another form add this cell only);
//   l  its result level (value);
//   i  an indicator it raises (item), once per time it lists it;
//   a  a choice question it was asked (item) and answered with a code (value);
//   d  a choice question it was asked (item) and did not answer.
// A question the skip logic did not ask, or answered with a number, adds nothing.
// A record is judged by the form version it names (its own questions, codes and skip logic)
// when the tallier has that version; otherwise by the newest.

#include "protocol/content/content.h"
#include "server/store/report_tally.h"

#include <memory>
#include <vector>

namespace selfcheck::collector {

inline constexpr const char* kNationalityQuestion = "nationality";

// The versions of one form a report counts, oldest first: the last is the newest, whose
// layout (levels, indicators, groupings) the report follows.
using FormVersions = std::vector<const selfcheck::Content*>;

class ContentTallier final : public Tallier {
public:
    // `content` must outlive the tallier.
    explicit ContentTallier(const selfcheck::Content& content);
    // Keeps `content` alive itself (for a store, which keeps its tallier).
    explicit ContentTallier(std::shared_ptr<const selfcheck::Content> content);
    // Every version the catalogue holds of the report's form, oldest first (kept alive).
    explicit ContentTallier(std::vector<std::shared_ptr<const selfcheck::Content>> versions);
    // `versions` (oldest first, not empty) must outlive the tallier.
    explicit ContentTallier(FormVersions versions);

    std::string fingerprint() const override { return fingerprint_; }
    void tally(const Record& record, const std::string& first, Tallies& into) const override;

private:
    const selfcheck::Content& version_of(const Record& record) const;

    std::vector<std::shared_ptr<const selfcheck::Content>> owned_;
    FormVersions versions_;
    std::string fingerprint_;
};

// The fingerprint ContentTallier(content) has: the form's id and version and a hash of its
// choice questions and skip logic.
std::string tally_fingerprint(const selfcheck::Content& content);
// ContentTallier(versions)'s: one version's fingerprint alone, several joined by " + ".
std::string tally_fingerprint(const FormVersions& versions);

}  // namespace selfcheck::collector
