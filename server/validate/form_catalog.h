#pragma once
// The form versions this collector accepts records for, loaded from content directories
// with the kiosk's own loader (kiosk/core), so both sides read one definition. A record is
// checked against the version it names: every answer must be a question of that form with
// an allowed code or an in-range number, and its indicators and result level must be the
// ones the kiosk's scoring gives for those answers.

#include "server/record/record.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace selfcheck {
struct Content;
}

namespace collector {

class FormCatalog {
public:
    // Loads each directory (form.yaml, indicators.yaml, scoring.yaml, ...). Throws
    // std::runtime_error naming the directory and the file problem, or a form id and version
    // given by two directories.
    static FormCatalog load(const std::vector<std::filesystem::path>& content_dirs);

    // "" when `record` fits the form version it names; otherwise the reason, naming the field.
    std::string check(const Record& record) const;

    // "hk-mdw-self-assessment v1, ..." for start-up messages.
    std::string describe() const;

private:
    std::map<std::pair<std::string, std::int64_t>, std::shared_ptr<const selfcheck::Content>> forms_;
};

}  // namespace collector
