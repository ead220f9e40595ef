#include "kiosk/core/content_updates.h"

#include "protocol/bundle/content_bundle.h"
#include "protocol/content/content.h"
#include "protocol/content/content_error.h"
#include "protocol/content/content_validator.h"

#include <algorithm>
#include <cstdio>
#include <system_error>
#include <vector>

namespace selfcheck {

namespace {

// A bundle's folder is its content version and nothing else; anything beside it (a staging
// folder, a ".partial") is what an interrupted install left.
std::optional<std::int64_t> version_of(const std::filesystem::path& dir) {
    const std::string name = dir.filename().string();
    if (name.empty() || name.size() > 18 ||
        !std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return std::stoll(name);
}

std::filesystem::path staging_dir(const std::filesystem::path& data_dir, std::int64_t version) {
    return bundles_dir(data_dir) / ("incoming-" + std::to_string(version));
}

void remove_quietly(const std::filesystem::path& path) {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
    std::filesystem::remove_all(path.string() + ".partial", ignored);
}

// Every bundle folder under `data_dir`, newest first.
std::vector<InstalledBundle> bundles_on_disk(const std::filesystem::path& data_dir) {
    std::vector<InstalledBundle> found;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(bundles_dir(data_dir), error))
        if (const auto version = version_of(entry.path()); version && entry.is_directory())
            found.push_back({*version, entry.path()});
    std::sort(found.begin(), found.end(),
              [](const InstalledBundle& a, const InstalledBundle& b) { return a.content_version > b.content_version; });
    return found;
}

}  // namespace

std::filesystem::path bundles_dir(const std::filesystem::path& data_dir) { return data_dir / "bundles"; }

std::string content_version_text(const std::string& form_id, int form_version, std::int64_t content_version) {
    std::string text = form_id + "/" + std::to_string(form_version);
    if (content_version > 0) text += "@" + std::to_string(content_version);
    return text;
}

void refuse_invalid_content(const Content& content, const Messages& messages, const std::string& where) {
    const ContentReport report = validate_content(content, messages);
    std::string errors;
    for (const auto& problem : report.problems) {
        if (problem.severity == ContentProblem::Severity::Warning) continue;
        errors += "\n  " + describe(problem);
    }
    if (!errors.empty())
        throw ContentError(where, 0, 0,
                           "the content is not valid (" + std::to_string(report.errors()) + " errors):" + errors);
}

void check_bundle_as_kiosk(const InstalledBundle& bundle) {
    const Content content = load_content(bundle.dir);
    const Messages messages(bundle.locales_dir());
    refuse_invalid_content(content, messages, bundle.dir.string());
}

BundleOutcome install_bundle(const std::string& signed_bytes, const SigningPublicKey& publisher,
                             const std::filesystem::path& data_dir, std::int64_t have_version,
                             const std::string& source, const BundleCheck& check) {
    std::filesystem::path staging;
    try {
        const ContentBundle bundle = open_bundle(signed_bytes, publisher, source);
        // The one it has (as after a restart, when the ETag is forgotten): nothing new, no fault.
        if (bundle.content_version == have_version) return {std::nullopt, ""};
        if (bundle.content_version < have_version)
            return {std::nullopt, source + ": content version " + std::to_string(bundle.content_version) +
                                      " is older than this kiosk's " + std::to_string(have_version)};
        const InstalledBundle ready{bundle.content_version,
                                    bundles_dir(data_dir) / std::to_string(bundle.content_version)};
        if (std::filesystem::is_directory(ready.dir)) return {ready, ""};  // taken before, not yet shown
        staging = staging_dir(data_dir, bundle.content_version);
        remove_quietly(staging);
        try {
            std::filesystem::create_directories(bundles_dir(data_dir));
            write_bundle_files(bundle, staging);
        } catch (const std::exception& error) {
            remove_quietly(staging);
            return {std::nullopt, error.what(), true};
        }
        check({bundle.content_version, staging});
        std::filesystem::rename(staging, ready.dir);  // whole and checked, or not there at all
        return {ready, ""};
    } catch (const std::exception& error) {
        if (!staging.empty()) remove_quietly(staging);
        return {std::nullopt, error.what()};
    }
}

std::optional<InstalledBundle> newest_valid_bundle(const std::filesystem::path& data_dir, const BundleCheck& check) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(bundles_dir(data_dir), error))
        if (!version_of(entry.path())) remove_quietly(entry.path());
    for (const InstalledBundle& bundle : bundles_on_disk(data_dir)) {
        try {
            check(bundle);
            return bundle;
        } catch (const std::exception& problem) {
            std::fprintf(stderr, "kiosk: content bundle %s skipped: %s\n", bundle.dir.string().c_str(), problem.what());
        }
    }
    return std::nullopt;
}

void prune_bundles(const std::filesystem::path& data_dir, std::int64_t shown) {
    bool rollback_kept = false;
    for (const InstalledBundle& bundle : bundles_on_disk(data_dir)) {
        if (bundle.content_version >= shown) continue;  // the one shown, or one waiting to be
        if (!rollback_kept) {
            rollback_kept = true;
            continue;
        }
        remove_quietly(bundle.dir);
    }
}

}  // namespace selfcheck
