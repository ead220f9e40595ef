#include "server/reports/report_labels.h"

#include <fstream>
#include <stdexcept>

namespace collector {
namespace {

bool is_key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

// Reads `key { "text" }` from one line; false for anything else (tables, comments, ...).
bool parse_line(const std::string& line, std::string& key, std::string& text) {
    std::size_t i = line.find_first_not_of(" \t");
    if (i == std::string::npos) return false;
    const std::size_t key_start = i;
    while (i < line.size() && is_key_char(line[i])) ++i;
    if (i == key_start) return false;
    key = line.substr(key_start, i - key_start);
    i = line.find_first_not_of(" \t", i);
    if (i == std::string::npos || line[i] != '{') return false;
    i = line.find_first_not_of(" \t", i + 1);
    if (i == std::string::npos || line[i] != '"') return false;
    text.clear();
    for (++i; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) {
            text += line[++i];
        } else if (line[i] == '"') {
            return line.find('}', i) != std::string::npos;
        } else {
            text += line[i];
        }
    }
    return false;
}

}  // namespace

ReportLabels ReportLabels::load(const std::filesystem::path& en_txt) {
    std::ifstream in(en_txt);
    if (!in) throw std::runtime_error("cannot read report labels from '" + en_txt.string() + "'");
    ReportLabels labels;
    std::string line, key, text;
    while (std::getline(in, line)) {
        if (parse_line(line, key, text)) labels.texts_[key] = text;
    }
    return labels;
}

std::string ReportLabels::text(const std::string& key, const std::string& fallback) const {
    const auto found = texts_.find(key);
    return found != texts_.end() && !found->second.empty() ? found->second : fallback;
}

std::string humanise_id(const std::string& id) {
    std::string out = id;
    for (char& c : out) {
        if (c == '_') c = ' ';
    }
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

}  // namespace collector
