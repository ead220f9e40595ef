#pragma once
// Which clip speaks each message in each language, decided once from the files:
//   1. a recording (<recorded>/<locale>/<key>.flac|wav|ogg|opus) whose texts.tsv entry is
//      still the text the screen shows;
//   2. else a clip synthesised at build time (<synthesised>/<locale>/<key>.ogg), same test;
//   3. a message with run-time arguments (a countdown, a typed amount) has no clip: it is
//      synthesised as shown, at run time, where the language has a machine voice;
//   4. else nothing: the screen shows no speaker control for it.
// Every clip that is not used, and every clip that is missing, becomes a warning naming the
// file and why. Nothing here throws for a bad clip.
#include "protocol/content/messages.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace selfcheck::audio {

struct ClipDirs {
    std::filesystem::path recorded;     // assets/audio (in the package: .../audio/recorded)
    std::filesystem::path synthesised;  // made by the build (.../audio/synthesised)
};

enum class ClipSource { Recorded, Synthesised, RunTime, None };
const char* to_string(ClipSource source);

struct ClipChoice {
    ClipSource source = ClipSource::None;
    std::filesystem::path file;  // for Recorded and Synthesised
};

struct AudioProblem {
    std::string where;  // a file or directory
    std::string message;
};
std::string describe(const AudioProblem& problem);  // "warning: where: message"

struct LocaleCoverage {
    std::string locale;
    bool machine_voice = false;
    size_t messages = 0;
    size_t recorded = 0;
    size_t synthesised = 0;  // at build time
    size_t run_time = 0;     // synthesised as shown, at run time
    size_t missing = 0;
    double percent() const;  // share of messages she can hear
};

// One line a locale: "id 100.0% (3 recorded, 240 synthesised, 7 at run time, 0 missing)".
std::string describe(const LocaleCoverage& coverage);

class ClipCatalog {
public:
    enum class Check { NamesOnly, OpenEveryClip };
    // `keys`: the spoken messages; `locales`: the form's languages. With OpenEveryClip (the
    // validator) each chosen clip is opened, and one that cannot be decoded is passed over
    // with a warning; the kiosk trusts the files at start and skips a bad one as it plays.
    ClipCatalog(const Messages& messages, const std::vector<std::string>& keys, const std::vector<std::string>& locales,
                ClipDirs dirs, Check check = Check::NamesOnly);

    // None for a key or locale the catalog does not know.
    ClipChoice choice(const std::string& locale, const std::string& key) const;
    // Text with no message behind it (a phone number) is spoken only by a machine voice.
    bool speaks_text(const std::string& locale) const;

    const std::vector<LocaleCoverage>& coverage() const { return coverage_; }
    const std::vector<AudioProblem>& problems() const { return problems_; }
    const ClipDirs& dirs() const { return dirs_; }
    const std::vector<std::string>& keys() const { return keys_; }

private:
    void scan_locale(const Messages& messages, const std::string& locale, Check check);

    ClipDirs dirs_;
    std::vector<std::string> keys_;
    std::map<std::string, std::map<std::string, ClipChoice>> choices_;  // locale -> key -> clip
    std::vector<LocaleCoverage> coverage_;
    std::vector<AudioProblem> problems_;
};

}  // namespace selfcheck::audio
