// kiosk-content: checks the content and its translations before they reach a kiosk.
//   kiosk-content validate [--content DIR] [--locales DIR] [--recorded DIR] [--synthesised DIR]
//                          [--today YYYY-MM-DD]
// Also reports the read-aloud coverage of each language; a missing or unreadable clip is a
// warning naming the file. Prints every item's review date and warns about each one past it
// (--today: the day to judge by, default today in Hong Kong), and the dated values in force
// that day.
// Exit status: 0 valid (warnings allowed), 1 invalid (each problem named with its file and
// what was expected), 2 usage.
#include "kiosk/audio/clip_catalog.h"
#include "kiosk/audio/read_aloud.h"
#include "protocol/content/content.h"
#include "protocol/content/content_error.h"
#include "protocol/content/content_messages.h"
#include "protocol/content/content_validator.h"
#include "protocol/content/dated_values.h"
#include "protocol/content/messages.h"
#include "protocol/content/review.h"
#include "protocol/time/dates.h"

#include <iomanip>
#include <iostream>
#include <string>

namespace {

int usage() {
    std::cerr << "usage: kiosk-content validate [--content DIR] [--locales DIR] [--recorded DIR] [--synthesised DIR] "
                 "[--today YYYY-MM-DD]\n";
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
    std::cout << "indicators: " << r.indicators_mapped << " of " << r.indicators_defined << " ILO indicators mapped, "
              << r.icls_items_mapped << " of " << r.icls_items_defined << " ICLS 2018 items mapped; "
              << content.dimensions.size() << " dimensions; " << r.rights << " Hong Kong rights\n";
    std::cout << "result levels reachable: " << r.reachable_levels.size() << " of " << content.scoring.levels.size()
              << " (";
    for (size_t i = 0; i < r.reachable_levels.size(); ++i) std::cout << (i ? ", " : "") << r.reachable_levels[i];
    std::cout << ") on " << r.reachability_date << "\n";
    std::cout << "directory: " << content.directory.size() << " organisations, " << r.directory_verified
              << " verified, " << r.directory_unverified << " shown with \"please check\"\n";
}

// Every item with its review date, one a line; overdue ones marked and counted as warnings.
size_t print_reviews(const selfcheck::Content& content, const std::string& today) {
    size_t overdue = 0;
    std::cout << "review dates (judged on " << today << "):\n";
    for (const auto& item : selfcheck::review_items(content)) {
        const bool late = item.review_by < today;
        overdue += late ? 1 : 0;
        std::cout << (late ? "  OVERDUE " : "  ") << selfcheck::describe(item) << "\n";
        if (late)
            std::cerr << "warning: " << item.file << " " << item.item << ": content review overdue since "
                      << item.review_by << "; compare it with its source and update it\n";
    }
    return overdue;
}

void print_dated_values(const selfcheck::Content& content, const std::string& today) {
    const selfcheck::DatedNumbers values = selfcheck::dated_numbers_on(content, today);
    std::cout << "in force on " << today << ":";
    for (const auto& name : selfcheck::dated_names(content)) {
        const auto value = values.find(name);
        std::cout << " " << name << "="
                  << (value == values.end() ? std::string("unknown") : std::to_string(value->second));
    }
    std::cout << "\n";
}

int validate(const std::filesystem::path& content_dir, const std::filesystem::path& locales,
             const selfcheck::audio::ClipDirs& audio, const std::string& today) {
    const selfcheck::Content content = selfcheck::load_content(content_dir);
    selfcheck::Messages messages(locales);
    messages.set_shared_args(selfcheck::content_args(content, today));
    const selfcheck::ContentReport report = selfcheck::validate_content(content, messages);
    for (const auto& problem : report.problems) std::cerr << selfcheck::describe(problem) << "\n";
    print_summary(content, report);
    const auto clips = selfcheck::audio::make_clip_catalog(content, messages, audio,
                                                           selfcheck::audio::ClipCatalog::Check::OpenEveryClip);
    for (const auto& problem : clips.problems()) std::cerr << selfcheck::audio::describe(problem) << "\n";
    for (const auto& coverage : clips.coverage())
        std::cout << "audio: " << selfcheck::audio::describe(coverage) << "\n";
    print_dated_values(content, today);
    const size_t overdue = print_reviews(content, today);
    const size_t warnings = report.warnings() + clips.problems().size() + overdue;
    if (report.ok()) {
        std::cout << "valid (" << warnings << " warnings, " << overdue << " reviews overdue)\n";
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
    std::string today;
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
        else if (arg == "--today")
            today = argv[++i];
        else
            return usage();
    }
    if (today.empty()) today = selfcheck::hong_kong_today();
    if (!selfcheck::is_calendar_date(today)) {
        std::cerr << "kiosk-content: --today '" << today << "' is not a date YYYY-MM-DD\n";
        return 2;
    }
    try {
        return validate(content, locales, audio, today);
    } catch (const selfcheck::ContentError& e) {
        std::cerr << e.what() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "kiosk-content: " << e.what() << "\n";
    }
    return 1;
}
