#pragma once
// texts.tsv beside the clips of one locale: for each clip, the exact text it says and where
// it came from. A clip is used only while that text is still what the screen shows, so a
// changed translation or a new legal amount in content/rights.yaml never plays an old clip.
//   # comment
//   <message key> TAB <text the clip says> TAB <origin: "recorded", "espeak-ng 1.51 id ...">
// Tabs, newlines and backslashes in a text are written \t, \n and \\.
#include <filesystem>
#include <map>
#include <string>

namespace selfcheck::audio {

inline constexpr const char* kManifestFile = "texts.tsv";

struct ClipText {
    std::string text;
    std::string origin;
};

class ClipManifest {
public:
    // A missing file is an empty manifest. Throws AudioError naming file and line for a line
    // that is not key, text and origin.
    static ClipManifest load(const std::filesystem::path& file);
    // Written to a temporary file and renamed into place. Throws AudioError.
    void save(const std::filesystem::path& file) const;

    const ClipText* find(const std::string& key) const;
    void set(const std::string& key, ClipText entry) { entries_[key] = std::move(entry); }
    void erase(const std::string& key) { entries_.erase(key); }
    const std::map<std::string, ClipText>& entries() const { return entries_; }

private:
    std::map<std::string, ClipText> entries_;
};

}  // namespace selfcheck::audio
