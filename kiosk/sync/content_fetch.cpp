#include "kiosk/sync/content_fetch.h"

#include <algorithm>

namespace selfcheck {

ContentFetch::ContentFetch(SigningPublicKey publisher, std::filesystem::path data_dir, std::int64_t shown_version)
    : publisher_(publisher), data_dir_(std::move(data_dir)), shown_version_(shown_version) {}

void ContentFetch::fetch(HttpClient& http, const std::string& collector_url, const std::string& device_token) {
    const std::string url = collector_url + "/api/v1/content";
    std::string etag;
    std::int64_t have = 0;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        etag = etag_;
        have = std::max(shown_version_, ready_ ? ready_->content_version : 0);
    }
    const HttpResponse response = http.get(url, device_token, etag);
    if (response.status != 200) return;  // 304 nothing new, 404 none published, or no answer: next round
    const BundleOutcome outcome = install_bundle(response.body, publisher_, data_dir_, have, url);
    std::lock_guard<std::mutex> lock(mutex_);
    // A bundle refused for what it is is not fetched again until the collector serves another;
    // one the disk could not take is, next round.
    etag_ = outcome.device_fault ? std::string() : response.etag;
    refusal_ = outcome.refusal;
    if (outcome.installed) ready_ = outcome.installed;
}

std::optional<InstalledBundle> ContentFetch::take_ready() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::optional<InstalledBundle> ready = std::move(ready_);
    ready_.reset();
    return ready;
}

void ContentFetch::shown(std::int64_t content_version) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        shown_version_ = content_version;
        refusal_.clear();
    }
    prune_bundles(data_dir_, content_version);
}

void ContentFetch::refused(const std::string& why) {
    std::lock_guard<std::mutex> lock(mutex_);
    refusal_ = why;
}

std::int64_t ContentFetch::shown_version() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return shown_version_;
}

std::string ContentFetch::refusal() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return refusal_;
}

}  // namespace selfcheck
