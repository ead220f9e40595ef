#include "protocol/content/messages.h"

#include <unicode/msgfmt.h>
#include <unicode/resbund.h>
#include <unicode/unistr.h>

#include <mutex>
#include <unordered_map>

namespace selfcheck {

struct Messages::Bundles {
    std::mutex mutex;  // the sync thread and the UI may both ask
    std::unordered_map<std::string, std::unique_ptr<icu::ResourceBundle>> by_locale;
    std::unordered_map<std::string, std::string> plain_cache;  // "locale\0key" -> text
};

namespace {

std::string to_utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

}  // namespace

Messages::Messages(std::filesystem::path bundle_dir)
    : bundle_dir_(std::move(bundle_dir)), bundles_(std::make_unique<Bundles>()) {
    std::error_code ec;
    if (!std::filesystem::is_directory(bundle_dir_, ec))
        throw MessageError("message bundles: '" + bundle_dir_.string() +
                           "' is not a directory (were locales/ compiled with genrb?)");
    // ICU wants an absolute path ending in '/' to treat it as a directory of .res files.
    bundle_dir_ = std::filesystem::absolute(bundle_dir_);
}

Messages::~Messages() = default;

namespace {

icu::ResourceBundle& bundle_for(std::unordered_map<std::string, std::unique_ptr<icu::ResourceBundle>>& cache,
                                const std::filesystem::path& dir, const std::string& locale) {
    auto it = cache.find(locale);
    if (it != cache.end()) return *it->second;
    UErrorCode status = U_ZERO_ERROR;
    const std::string path = dir.string() + "/";
    auto bundle = std::make_unique<icu::ResourceBundle>(path.c_str(), icu::Locale(locale.c_str()), status);
    if (U_FAILURE(status))
        throw MessageError("message bundles: cannot open locale '" + locale + "' in " + path + ": " +
                           u_errorName(status));
    return *cache.emplace(locale, std::move(bundle)).first->second;
}

}  // namespace

std::string Messages::pattern(const std::string& locale, const std::string& key) const {
    std::lock_guard<std::mutex> lock(bundles_->mutex);
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString value = bundle_for(bundles_->by_locale, bundle_dir_, locale).getStringEx(key.c_str(), status);
    if (U_FAILURE(status)) throw MessageError("message '" + key + "' is missing for locale '" + locale + "'");
    return to_utf8(value);
}

void Messages::set_shared_args(MessageArgs args) {
    std::lock_guard<std::mutex> lock(bundles_->mutex);
    shared_args_ = std::move(args);
    bundles_->plain_cache.clear();
}

std::string Messages::text(const std::string& locale, const std::string& key) const {
    const std::string cache_key = locale + '\0' + key;
    {
        std::lock_guard<std::mutex> lock(bundles_->mutex);
        auto cached = bundles_->plain_cache.find(cache_key);
        if (cached != bundles_->plain_cache.end()) return cached->second;
    }
    std::string value = pattern(locale, key);
    // Only a pattern with placeholders goes through MessageFormat, so plain text is shown as written.
    if (value.find('{') != std::string::npos) value = format(locale, key, {});
    std::lock_guard<std::mutex> lock(bundles_->mutex);
    return bundles_->plain_cache.emplace(cache_key, std::move(value)).first->second;
}

bool Messages::has(const std::string& locale, const std::string& key) const {
    try {
        text(locale, key);
        return true;
    } catch (const MessageError&) {
        return false;
    }
}

std::string Messages::format(const std::string& locale, const std::string& key, const MessageArgs& given) const {
    MessageArgs args = given;
    args.insert(shared_args_.begin(), shared_args_.end());  // given values win over shared ones
    UErrorCode status = U_ZERO_ERROR;
    icu::MessageFormat format(icu::UnicodeString::fromUTF8(pattern(locale, key)), icu::Locale(locale.c_str()), status);
    if (U_FAILURE(status))
        throw MessageError("message '" + key + "' (" + locale + ") is not valid MessageFormat: " + u_errorName(status));
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    for (const auto& [name, value] : args) {
        names.push_back(icu::UnicodeString::fromUTF8(name));
        if (const auto* s = std::get_if<std::string>(&value))
            values.emplace_back(icu::UnicodeString::fromUTF8(*s));
        else
            values.emplace_back(static_cast<int64_t>(std::get<long>(value)));
    }
    icu::UnicodeString out;
    format.format(names.data(), values.data(), static_cast<int32_t>(names.size()), out, status);
    if (U_FAILURE(status))
        throw MessageError("message '" + key + "' (" + locale + ") could not be formatted: " + u_errorName(status));
    return to_utf8(out);
}

namespace {

// The bundle of exactly this locale, without fallback to its parents.
std::unique_ptr<icu::ResourceBundle> open_exact(const std::filesystem::path& dir, const std::string& locale) {
    UErrorCode status = U_ZERO_ERROR;
    const std::string path = dir.string() + "/";
    auto bundle = std::make_unique<icu::ResourceBundle>(path.c_str(), icu::Locale(locale.c_str()), status);
    if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING || status == U_USING_FALLBACK_WARNING)
        throw MessageError("message bundles: no bundle for locale '" + locale + "' in " + path);
    return bundle;
}

}  // namespace

namespace {

// Calls `visit(key, text)` for each string of exactly this locale's bundle.
template <typename Visit>
void for_each_string(const std::filesystem::path& dir, const std::string& locale, Visit visit) {
    auto bundle = open_exact(dir, locale);
    bundle->resetIterator();
    while (bundle->hasNext()) {
        UErrorCode status = U_ZERO_ERROR;
        icu::ResourceBundle item = bundle->getNext(status);
        if (U_FAILURE(status) || !item.getKey()) continue;
        icu::UnicodeString text = item.getString(status);
        if (U_SUCCESS(status)) visit(std::string(item.getKey()), to_utf8(text));
    }
}

}  // namespace

std::vector<std::string> Messages::keys(const std::string& locale) const {
    std::vector<std::string> out;
    for_each_string(bundle_dir_, locale, [&](std::string key, const std::string&) { out.push_back(std::move(key)); });
    return out;
}

std::vector<std::string> Messages::strings(const std::string& locale) const {
    std::vector<std::string> out;
    for_each_string(bundle_dir_, locale, [&](const std::string&, std::string text) { out.push_back(std::move(text)); });
    return out;
}

}  // namespace selfcheck
