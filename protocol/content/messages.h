#pragma once
// The words of the kiosk, from ICU resource bundles compiled by genrb (locales/*.txt).
// Lookups use ICU's locale fallback; patterns with placeholders go through MessageFormat
// with named arguments ("{current} of {total}"), so plural and number rules follow the locale.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace selfcheck {

class MessageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

using MessageArg = std::variant<std::string, long>;
using MessageArgs = std::map<std::string, MessageArg>;

class Messages {
public:
    // `bundle_dir` holds <locale>.res files. Throws MessageError if it does not exist.
    explicit Messages(std::filesystem::path bundle_dir);
    ~Messages();
    Messages(const Messages&) = delete;
    Messages& operator=(const Messages&) = delete;

    // Named values given to every message, e.g. the content's constants
    // (minimum_allowable_wage_hkd), so a yearly change is made once in content/rights.yaml.
    void set_shared_args(MessageArgs args);

    // The message for `key` in `locale` (after ICU fallback), with the shared arguments filled
    // in. Throws MessageError when missing.
    std::string text(const std::string& locale, const std::string& key) const;
    // The message formatted with named arguments (ICU MessageFormat), plus the shared ones.
    std::string format(const std::string& locale, const std::string& key, const MessageArgs& args) const;
    // The pattern as written, placeholders and all (for validation and the glyph set).
    std::string pattern(const std::string& locale, const std::string& key) const;
    bool has(const std::string& locale, const std::string& key) const;

    // Every key the locale's own bundle defines (no fallback), and every string in it:
    // the second is what the glyph atlas must cover.
    std::vector<std::string> keys(const std::string& locale) const;
    std::vector<std::string> strings(const std::string& locale) const;

    const std::filesystem::path& bundle_dir() const { return bundle_dir_; }

private:
    struct Bundles;
    std::filesystem::path bundle_dir_;
    std::unique_ptr<Bundles> bundles_;
    MessageArgs shared_args_;
};

}  // namespace selfcheck
