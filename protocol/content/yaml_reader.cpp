#include "protocol/content/yaml_reader.h"

#include "protocol/content/identifiers.h"

#include <fstream>
#include <sstream>

namespace selfcheck {

YAML::Node load_yaml_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ContentError(file.string(), 0, 0, "cannot open file");
    std::stringstream text;
    text << in.rdbuf();
    try {
        return YAML::Load(text.str());
    } catch (const YAML::Exception& e) {
        // yaml-cpp marks are 0-based.
        throw ContentError(file.string(), e.mark.line + 1, e.mark.column + 1, e.msg);
    }
}

ContentError error_at(const std::string& file, const YAML::Node& node, const std::string& problem) {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null()) return ContentError(file, 0, 0, problem);
    return ContentError(file, mark.line + 1, mark.column + 1, problem);
}

MapReader::MapReader(const std::string& file, const YAML::Node& node, std::string what)
    : file_(file), node_(node), what_(std::move(what)) {
    if (!node_.IsMap()) throw error_at(file_, node_, what_ + ": expected a mapping of key: value");
}

bool MapReader::has(const char* key) const { return static_cast<bool>(node_[key]); }

YAML::Node MapReader::required(const char* key) {
    seen_.insert(key);
    YAML::Node value = node_[key];
    if (!value || value.IsNull()) throw error_at(file_, node_, what_ + ": missing required key '" + key + "'");
    return value;
}

YAML::Node MapReader::optional(const char* key) {
    seen_.insert(key);
    return node_[key];
}

std::string MapReader::required_string(const char* key) {
    return scalar_string(file_, required(key), what_ + " '" + key + "'");
}

std::string MapReader::optional_string(const char* key, const std::string& fallback) {
    YAML::Node value = optional(key);
    if (!value || value.IsNull()) return fallback;
    return scalar_string(file_, value, what_ + " '" + key + "'");
}

std::string MapReader::required_id(const char* key, IdKind kind) {
    const YAML::Node node = required(key);
    std::string id = scalar_string(file_, node, what_ + " '" + key + "'");
    const bool ok = kind == IdKind::Identifier ? is_identifier(id)
                    : kind == IdKind::Slug     ? is_slug(id)
                                               : is_locale_id(id);
    const char* rule = kind == IdKind::Identifier ? kIdentifierRule : kind == IdKind::Slug ? kSlugRule : kLocaleRule;
    if (!ok) throw error_at(file_, node, what_ + " '" + key + "': " + quote_for_message(id) + " must be " + rule);
    return id;
}

int MapReader::required_int(const char* key) { return scalar_int(file_, required(key), what_ + " '" + key + "'"); }

int MapReader::optional_int(const char* key, int fallback) {
    YAML::Node value = optional(key);
    if (!value || value.IsNull()) return fallback;
    return scalar_int(file_, value, what_ + " '" + key + "'");
}

bool MapReader::optional_bool(const char* key, bool fallback) {
    YAML::Node value = optional(key);
    if (!value || value.IsNull()) return fallback;
    const std::string text = scalar_string(file_, value, what_ + " '" + key + "'");
    if (text == "true") return true;
    if (text == "false") return false;
    throw error_at(file_, value, what_ + " '" + key + "': expected true or false, found '" + text + "'");
}

void MapReader::reject_unknown_keys() const {
    for (const auto& entry : node_) {
        const std::string key = entry.first.Scalar();
        if (!seen_.count(key)) throw error_at(file_, entry.first, what_ + ": unknown key '" + key + "'");
    }
}

std::string scalar_string(const std::string& file, const YAML::Node& node, const std::string& what) {
    if (!node.IsScalar()) throw error_at(file, node, what + ": expected a single value");
    return node.Scalar();
}

int scalar_int(const std::string& file, const YAML::Node& node, const std::string& what) {
    const std::string text = scalar_string(file, node, what);
    try {
        size_t used = 0;
        long value = std::stol(text, &used);
        if (used == text.size() && value >= INT32_MIN && value <= INT32_MAX) return static_cast<int>(value);
    } catch (const std::exception&) {}
    throw error_at(file, node, what + ": expected a whole number, found '" + text + "'");
}

}  // namespace selfcheck
