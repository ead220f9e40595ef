#pragma once
// Minimal blocking HTTP over libcurl, for the sync thread (never called from a frame).
#include <chrono>
#include <string>

namespace selfcheck {

struct HttpResponse {
    long status = 0;      // 0 when no HTTP answer came (connection refused, timeout, ...)
    std::string body;
    std::string error;    // libcurl's description when status is 0
    bool ok() const { return status >= 200 && status < 300; }
};

HttpResponse http_post_json(const std::string& url, const std::string& json, std::chrono::milliseconds timeout);
HttpResponse http_get(const std::string& url, std::chrono::milliseconds timeout);

}  // namespace selfcheck
