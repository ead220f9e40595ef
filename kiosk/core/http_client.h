#pragma once
// Minimal blocking HTTP over libcurl, for the sync thread (never called from a frame).
#include <chrono>
#include <optional>
#include <string>

namespace selfcheck {

struct HttpResponse {
    long status = 0;  // 0 when no HTTP answer came (connection refused, timeout, ...)
    std::string body;
    std::string error;                        // libcurl's description when status is 0
    std::optional<long> retry_after_seconds;  // the server's Retry-After, in seconds, when given
    bool ok() const { return status >= 200 && status < 300; }
};

// `bearer_token`, when not empty, goes in an Authorization header.
HttpResponse http_post_json(const std::string& url, const std::string& json, std::chrono::milliseconds timeout,
                            const std::string& bearer_token = "");
HttpResponse http_get(const std::string& url, std::chrono::milliseconds timeout);

}  // namespace selfcheck
