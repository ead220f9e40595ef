#pragma once
// Strict, located access to YAML content files (yaml-cpp). Every problem becomes a
// ContentError naming file, line, column and what was expected; unknown keys are errors so
// that a misspelt key is caught instead of silently ignored.
#include "protocol/content/content_error.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <set>
#include <string>

namespace selfcheck {

// Parses a whole file; a syntax error is reported with its position.
YAML::Node load_yaml_file(const std::filesystem::path& file);

ContentError error_at(const std::string& file, const YAML::Node& node, const std::string& problem);

class MapReader {
public:
    // `what` names the thing being read, for messages ("question", "form").
    MapReader(const std::string& file, const YAML::Node& node, std::string what);

    bool has(const char* key) const;
    YAML::Node required(const char* key);
    YAML::Node optional(const char* key);  // an undefined node when absent

    std::string required_string(const char* key);
    // An id the records can carry (protocol/content/identifiers.h); anything else is an
    // error at its line, so content and records never disagree about what an id may be.
    enum class IdKind { Identifier, Slug, Locale };
    std::string required_id(const char* key, IdKind kind = IdKind::Identifier);
    std::string optional_string(const char* key, const std::string& fallback = "");
    int required_int(const char* key);
    int optional_int(const char* key, int fallback);
    bool optional_bool(const char* key, bool fallback);

    // Throws on the first key that was never asked for.
    void reject_unknown_keys() const;

    const std::string& file() const { return file_; }
    const YAML::Node& node() const { return node_; }

private:
    std::string file_;
    YAML::Node node_;
    std::string what_;
    std::set<std::string> seen_;
};

std::string scalar_string(const std::string& file, const YAML::Node& node, const std::string& what);
int scalar_int(const std::string& file, const YAML::Node& node, const std::string& what);

}  // namespace selfcheck
