#pragma once
// Content bundles on the device (docs/protocol.md, "Content bundles"): each accepted bundle
// is unpacked under <data dir>/bundles/<content_version>/ (content/*.yaml at its top, the
// compiled messages in locales/), and the kiosk shows the newest one that still checks out,
// else the content it was installed with. A bundle is taken only when its signature is the
// pinned publisher's, it is newer than what the kiosk has, it unpacks whole and the kiosk's
// own loader and validator accept it; anything else leaves every bundle as it was and says
// why. No SDL or ImGui here: the sync worker installs, KioskApp switches.
#include "protocol/content/messages.h"
#include "protocol/crypto/signing.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace selfcheck {

struct Content;

// One bundle unpacked on the device.
struct InstalledBundle {
    std::int64_t content_version = 0;
    std::filesystem::path dir;  // content/*.yaml; locales in locales_dir()
    std::filesystem::path locales_dir() const { return dir / "locales"; }
};

// Where the bundles live: the one rule for the path, for the kiosk and the device image.
std::filesystem::path bundles_dir(const std::filesystem::path& data_dir);

// What check-ins and the dashboard call the content shown: "<form id>/<form version>", and
// "@<content version>" when it came in a bundle.
std::string content_version_text(const std::string& form_id, int form_version, std::int64_t content_version);

// Throws ContentError (naming `where`) with the validator's words when `content` has errors:
// the kiosk shows no broken form, whether installed or from a bundle.
void refuse_invalid_content(const Content& content, const Messages& messages, const std::string& where);

// Loads the content and messages of `bundle` as the kiosk would show them, and checks them
// with refuse_invalid_content; throws with what is wrong.
using BundleCheck = std::function<void(const InstalledBundle& bundle)>;
void check_bundle_as_kiosk(const InstalledBundle& bundle);

// Installed, refused, or neither: the very version the kiosk has, offered again.
struct BundleOutcome {
    std::optional<InstalledBundle> installed;  // ready for the next welcome screen
    std::string refusal;                       // why it was refused; empty when it was not
    bool device_fault = false;                 // refused for this device's sake (a full disk): worth fetching again
};

// Takes the signed bytes of an offered bundle (from `source`, a URL, for the messages).
// `have_version` is the newest content version the kiosk shows or has waiting; an older offer
// is refused, the same one changes nothing. Never throws: any failure (signature, truncation, full disk, validation)
// removes what it had written and is returned as `refusal`.
BundleOutcome install_bundle(const std::string& signed_bytes, const SigningPublicKey& publisher,
                             const std::filesystem::path& data_dir, std::int64_t have_version,
                             const std::string& source, const BundleCheck& check = check_bundle_as_kiosk);

// The newest bundle under `data_dir` that passes `check`, skipping (and reporting on stderr)
// any that do not; none: the installed content. Clears what a power cut left half-written.
std::optional<InstalledBundle> newest_valid_bundle(const std::filesystem::path& data_dir,
                                                   const BundleCheck& check = check_bundle_as_kiosk);

// Keeps the bundle `shown` and the newest one older than it (the rollback), removes the rest.
void prune_bundles(const std::filesystem::path& data_dir, std::int64_t shown);

}  // namespace selfcheck
