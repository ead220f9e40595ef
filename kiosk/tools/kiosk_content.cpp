// kiosk-content: checks the content and its translations before they reach a kiosk.
//   kiosk-content validate [--content DIR] [--locales DIR] [--recorded DIR] [--synthesised DIR]
// Also reports the read-aloud coverage of each language; a missing or unreadable clip is a
// warning naming the file.
// Exit status: 0 valid (warnings allowed), 1 invalid (each problem named with its file and
// what was expected), 2 usage.
#include "kiosk/audio/clip_catalog.h"
#include "kiosk/audio/read_aloud.h"
#include "protocol/content/content.h"
#include "protocol/content/content_error.h"
#include "protocol/content/content_messages.h"
#include "protocol/content/content_validator.h"
#include "protocol/content/messages.h"

#include <iomanip>
#include <iostream>
#include <string>

namespace {

int usage() {
    std::cerr << "usage: kiosk-content validate [--content DIR] [--locales DIR] [--recorded DIR] [--synthesised DIR]\n";
    return 2;
}

void print_summary(const selfcheck::Content& content, const selfcheck::ContentReport& r) {
    std::cout << "form " << content.form.id << " v" << content.form.version << ": " << r.questions << " questions in "
              << r.sections << " sections (" << r.questions_with_skip_logic << " asked only after an earlier answer)\n";
    std::cout << "messages: " << r.messages_needed << " per locale;";
    std::cout << std::fixed << std::setprecision(1);
    for (const auto& language : content.form.languages)
        std::cout << " " << language.locale << " " << r.completeness.at(language.locale) << "%";
    std::cout << "\n";
    std::cout << "indicators: " << r.indicators_mapped << " of " << r.indicators_defined << " ILO indicators mapped; "
              << content.dimensions.size() << " dimensions; " << r.rights << " Hong Kong rights\n";
    std::cout << "result levels reachable: " << r.reachable_levels.size() << " of " << content.scoring.levels.size()
              << " (";
    for (size_t i = 0; i < r.reachable_levels.size(); ++i) std::cout << (i ? ", " : "") << r.reachable_levels[i];
    std::cout << ")\n";
    std::cout << "directory: " << content.directory.size() << " organisations, " << r.directory_verified
              << " verified, " << r.directory_unverified << " shown with \"please check\"\n";
}

int validate(const std::filesystem::path& content_dir, const std::filesystem::path& locales,
             const selfcheck::audio::ClipDirs& audio) {
    const selfcheck::Content content = selfcheck::load_content(content_dir);
    selfcheck::Messages messages(locales);
    messages.set_shared_args(selfcheck::constant_args(content));
    const selfcheck::ContentReport report = selfcheck::validate_content(content, messages);
    for (const auto& problem : report.problems) std::cerr << selfcheck::describe(problem) << "\n";
    print_summary(content, report);
    const auto clips = selfcheck::audio::make_clip_catalog(content, messages, audio,
                                                           selfcheck::audio::ClipCatalog::Check::OpenEveryClip);
    for (const auto& problem : clips.problems()) std::cerr << selfcheck::audio::describe(problem) << "\n";
    for (const auto& coverage : clips.coverage())
        std::cout << "audio: " << selfcheck::audio::describe(coverage) << "\n";
    const size_t warnings = report.warnings() + clips.problems().size();
    if (report.ok()) {
        std::cout << "valid (" << warnings << " warnings)\n";
        return 0;
    }
    std::cout << "INVALID: " << report.errors() << " errors, " << warnings << " warnings\n";
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) != "validate") return usage();
    std::filesystem::path content = SELFCHECK_DEFAULT_CONTENT_DIR;
    std::filesystem::path locales = SELFCHECK_DEFAULT_LOCALES_DIR;
    selfcheck::audio::ClipDirs audio = selfcheck::audio::default_clip_dirs();
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) return usage();
        if (arg == "--content")
            content = argv[++i];
        else if (arg == "--locales")
            locales = argv[++i];
        else if (arg == "--recorded")
            audio.recorded = argv[++i];
        else if (arg == "--synthesised")
            audio.synthesised = argv[++i];
        else
            return usage();
    }
    try {
        return validate(content, locales, audio);
    } catch (const selfcheck::ContentError& e) {
        std::cerr << e.what() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "kiosk-content: " << e.what() << "\n";
    }
    return 1;
}
