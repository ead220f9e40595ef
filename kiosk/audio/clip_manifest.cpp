#include "kiosk/audio/clip_manifest.h"

#include "kiosk/audio/audio_error.h"

#include <fstream>
#include <vector>

namespace selfcheck::audio {

namespace {

std::string escape(const std::string& s) {
    std::string out;
    for (const char c : s) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\t')
            out += "\\t";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

bool unescape(const std::string& s, std::string& out) {
    out.clear();
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\') {
            out += s[i];
            continue;
        }
        if (++i == s.size()) return false;
        if (s[i] == '\\')
            out += '\\';
        else if (s[i] == 't')
            out += '\t';
        else if (s[i] == 'n')
            out += '\n';
        else
            return false;
    }
    return true;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
        fields.push_back(line.substr(start, tab - start));
    fields.push_back(line.substr(start));
    return fields;
}

}  // namespace

ClipManifest ClipManifest::load(const std::filesystem::path& file) {
    ClipManifest manifest;
    std::ifstream in(file);
    if (!in) {
        if (std::filesystem::exists(file)) throw AudioError(file.string() + ": cannot be read");
        return manifest;
    }
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const std::vector<std::string> fields = split_tabs(line);
        ClipText entry;
        if (fields.size() != 3 || fields[0].empty() || !unescape(fields[1], entry.text) ||
            !unescape(fields[2], entry.origin))
            throw AudioError(file.string() + ":" + std::to_string(number) +
                             ": expected <message key> TAB <text> TAB <origin>");
        manifest.entries_[fields[0]] = std::move(entry);
    }
    return manifest;
}

void ClipManifest::save(const std::filesystem::path& file) const {
    std::filesystem::create_directories(file.parent_path());
    const std::filesystem::path partial = file.string() + ".partial";
    {
        std::ofstream out(partial, std::ios::trunc);
        out << "# The text each clip says and where it came from (kiosk-audio; see assets/audio/README.md).\n";
        for (const auto& [key, entry] : entries_)
            out << key << '\t' << escape(entry.text) << '\t' << escape(entry.origin) << '\n';
        if (!out.flush()) throw AudioError(file.string() + ": cannot be written");
    }
    std::filesystem::rename(partial, file);
}

const ClipText* ClipManifest::find(const std::string& key) const {
    const auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace selfcheck::audio
