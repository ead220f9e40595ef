#pragma once
// Fetches the newest signed content bundle while syncing (docs/protocol.md, "Content
// bundles"): a conditional GET of /api/v1/content, so a kiosk that has it gets 304 and no
// bytes; a new one is installed under the data dir (kiosk/core/content_updates.h) and waits
// for the next welcome screen, where KioskApp takes it. The sync thread fetches, the UI
// thread takes and reads the refusal: every member is behind one lock.
#include "kiosk/core/content_updates.h"
#include "kiosk/core/http_client.h"

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

namespace selfcheck {

class ContentFetch {
public:
    // `shown_version` is the content version the kiosk shows (0: the installed content).
    ContentFetch(SigningPublicKey publisher, std::filesystem::path data_dir, std::int64_t shown_version);

    // One conditional GET and, when something new came, the install. Never throws; a failed
    // request is left for the next round, a refused bundle is kept as refusal().
    void fetch(HttpClient& http, const std::string& collector_url, const std::string& device_token);

    // A bundle ready to show, once: the caller shows it (or says why not with refused()).
    std::optional<InstalledBundle> take_ready();
    void shown(std::int64_t content_version);
    void refused(const std::string& why);

    std::int64_t shown_version() const;
    // Why the last bundle offered was not taken; empty when the last one was.
    std::string refusal() const;

private:
    const SigningPublicKey publisher_;
    const std::filesystem::path data_dir_;
    mutable std::mutex mutex_;
    std::int64_t shown_version_;
    std::optional<InstalledBundle> ready_;
    std::string refusal_;
    std::string etag_;  // of the last bundle handled, taken or refused: not fetched again
};

}  // namespace selfcheck
