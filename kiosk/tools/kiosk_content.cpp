// kiosk-content: checks the form and its translations before they reach a kiosk.
//   kiosk-content validate [--content DIR] [--locales DIR]
// Exit status: 0 valid, 1 invalid content (with file:line:column and what was expected), 2 usage.
#include "content_check.h"
#include "content_error.h"
#include "form_loader.h"
#include "messages.h"

#include <iomanip>
#include <iostream>
#include <map>
#include <string>

namespace {

int usage() {
    std::cerr << "usage: kiosk-content validate [--content DIR] [--locales DIR]\n";
    return 2;
}

int validate(const std::filesystem::path& content, const std::filesystem::path& locales) {
    const selfcheck::Form form = selfcheck::load_form(content / "form.yaml");
    const selfcheck::Messages messages(locales);
    const auto missing = selfcheck::find_missing_messages(form, messages);

    const size_t needed = selfcheck::chrome_message_keys().size() + selfcheck::form_message_keys(form).size();
    std::map<std::string, size_t> missing_per_locale;
    for (const auto& m : missing) {
        missing_per_locale[m.locale]++;
        std::cerr << "missing message: " << m.locale << ": " << m.key << "\n";
    }
    std::cout << "form " << form.id << " v" << form.version << ": " << form.questions.size() << " question(s) in "
              << form.sections.size() << " section(s)\n";
    for (const auto& language : form.languages) {
        const double complete = 100.0 * double(needed - std::min(needed, missing_per_locale[language.locale])) / double(needed);
        std::cout << "  " << std::left << std::setw(11) << language.locale << std::fixed << std::setprecision(1)
                  << complete << "% of " << needed << " messages\n";
    }
    std::cout << (missing.empty() ? "valid\n" : "INVALID\n");
    return missing.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) != "validate") return usage();
    std::filesystem::path content = SELFCHECK_DEFAULT_CONTENT_DIR;
    std::filesystem::path locales = SELFCHECK_DEFAULT_LOCALES_DIR;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if ((arg == "--content" || arg == "--locales") && i + 1 < argc)
            (arg == "--content" ? content : locales) = argv[++i];
        else
            return usage();
    }
    try {
        return validate(content, locales);
    } catch (const selfcheck::ContentError& e) {
        std::cerr << e.what() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "kiosk-content: " << e.what() << "\n";
    }
    return 1;
}
