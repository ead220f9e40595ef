#pragma once
// Blocking HTTP over libcurl, for the sync thread and the staff panel's worker (never called
// from a frame).
//
// Built for a bad mobile link: a request is never abandoned for being slow, only for making
// no progress. Progress is a byte of the answer received or a byte of the request
// acknowledged by the peer's TCP (TCP_INFO), not merely handed to the kernel, so a body
// crawling out of a full send buffer counts and a dead connection does not. One HttpClient
// keeps one libcurl handle, so its connection is reused from request to request.
#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace selfcheck {

struct HttpResponse {
    long status = 0;  // 0 when no HTTP answer came (connection refused, stalled, reset, ...)
    std::string body;
    std::string error;  // libcurl's description (or the stall) when status is 0
    // Why no answer came, when status is 0.
    enum class Failure {
        None,
        Unreachable,     // no connection was made (refused, no route, DNS, handshake timed out)
        Stalled,         // connected, but nothing moved for the stall timeout
        ConnectionLost,  // connected, then reset or closed before a whole answer
    } failure = Failure::None;
    std::optional<long> retry_after_seconds;  // the server's Retry-After, in seconds, when given
    std::string etag;                         // the server's ETag, as sent (quotes included)
    bool ok() const { return status >= 200 && status < 300; }
};

struct HttpLimits {
    std::chrono::milliseconds connect_timeout{30 * 1000};  // TCP and TLS handshakes
    std::chrono::milliseconds stall_timeout{60 * 1000};    // no progress for this long: give up
};

class HttpClient {
public:
    explicit HttpClient(HttpLimits limits = {});
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // `bearer_token`, when not empty, goes in an Authorization header.
    HttpResponse post_json(const std::string& url, const std::string& json, const std::string& bearer_token = "");
    HttpResponse get(const std::string& url);
    // A conditional GET: with `if_none_match` (an ETag from before) the server may answer 304
    // with no body when it has nothing new.
    HttpResponse get(const std::string& url, const std::string& bearer_token, const std::string& if_none_match);

    struct Handle;

private:
    HttpResponse perform(const std::string& url, const std::string* json, const std::string& bearer_token,
                         const std::string& if_none_match = "");

    HttpLimits limits_;
    std::unique_ptr<Handle> handle_;
};

// One request on a fresh client, with `timeout` as both limits.
HttpResponse http_post_json(const std::string& url, const std::string& json, std::chrono::milliseconds timeout,
                            const std::string& bearer_token = "");
HttpResponse http_get(const std::string& url, std::chrono::milliseconds timeout);

}  // namespace selfcheck
