#include "kiosk/core/http_client.h"

#include <curl/curl.h>
#include <linux/tcp.h>   // tcp_info with tcpi_bytes_acked (glibc's copy lacks it)
#include <netinet/in.h>  // IPPROTO_TCP
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstddef>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <string>

namespace selfcheck {
namespace {

using SteadyClock = std::chrono::steady_clock;

void init_curl_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t append_body(char* data, size_t size, size_t count, void* out) {
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
}

// The value of `line` when it is the header `name` (lower case, with the colon), trimmed.
std::optional<std::string> header_value(const std::string& line, const std::string& name) {
    if (line.size() <= name.size()) return std::nullopt;
    std::string head = line.substr(0, name.size());
    for (auto& c : head) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (head != name) return std::nullopt;
    const size_t start = line.find_first_not_of(" \t", name.size());
    const size_t end = line.find_last_not_of(" \t\r\n");
    if (start == std::string::npos || end == std::string::npos || end < start) return std::string();
    return line.substr(start, end - start + 1);
}

// Picks Retry-After (seconds form; an HTTP date is ignored) and ETag out of the response headers.
size_t read_header(char* data, size_t size, size_t count, void* out) {
    const std::string line(data, size * count);
    if (auto etag = header_value(line, "etag:")) static_cast<HttpResponse*>(out)->etag = std::move(*etag);
    if (const auto value = header_value(line, "retry-after:"); value && !value->empty()) {
        char* end = nullptr;
        const long seconds = std::strtol(value->c_str(), &end, 10);
        if (end != value->c_str() && seconds >= 0) static_cast<HttpResponse*>(out)->retry_after_seconds = seconds;
    }
    return size * count;
}

HttpResponse::Failure failure_of(CURLcode code, CURL* curl) {
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL: return HttpResponse::Failure::Unreachable;
    case CURLE_OPERATION_TIMEDOUT: {
        curl_off_t connected = 0;  // microseconds until connected; 0: never was
        curl_easy_getinfo(curl, CURLINFO_CONNECT_TIME_T, &connected);
        return connected > 0 ? HttpResponse::Failure::Stalled : HttpResponse::Failure::Unreachable;
    }
    default: return HttpResponse::Failure::ConnectionLost;
    }
}

}  // namespace

// The libcurl handle, kept between requests for its connection, and what the progress
// callback needs to tell a slow request from a stalled one.
struct HttpClient::Handle {
    CURL* curl = nullptr;
    curl_socket_t socket = CURL_SOCKET_BAD;  // the connection's socket, for TCP_INFO
    std::chrono::milliseconds stall_timeout{0};
    SteadyClock::time_point last_progress;
    unsigned long long progress = 0;  // bytes received plus bytes the peer acknowledged
    bool stalled = false;

    ~Handle() {
        if (curl) curl_easy_cleanup(curl);
    }

    // Bytes of this connection the peer's TCP has acknowledged; what libcurl handed the
    // kernel where TCP_INFO is not to be had.
    unsigned long long acknowledged(curl_off_t handed_over) const {
        tcp_info info{};
        socklen_t size = sizeof info;
        if (socket != CURL_SOCKET_BAD && ::getsockopt(socket, IPPROTO_TCP, TCP_INFO, &info, &size) == 0 &&
            size >= offsetof(tcp_info, tcpi_bytes_acked) + sizeof info.tcpi_bytes_acked)
            return info.tcpi_bytes_acked;
        return static_cast<unsigned long long>(handed_over);
    }

    static int on_progress(void* self, curl_off_t, curl_off_t received, curl_off_t, curl_off_t sent) {
        auto& h = *static_cast<Handle*>(self);
        const unsigned long long now_progress = static_cast<unsigned long long>(received) + h.acknowledged(sent);
        const auto now = SteadyClock::now();
        if (now_progress != h.progress) {
            h.progress = now_progress;
            h.last_progress = now;
            return 0;
        }
        if (now - h.last_progress < h.stall_timeout) return 0;
        h.stalled = true;
        return 1;  // abort: CURLE_ABORTED_BY_CALLBACK
    }

    static int on_socket(void* self, curl_socket_t socket, curlsocktype) {
        static_cast<Handle*>(self)->socket = socket;
        return CURL_SOCKOPT_OK;
    }

    static int on_close(void* self, curl_socket_t socket) {
        auto& h = *static_cast<Handle*>(self);
        if (h.socket == socket) h.socket = CURL_SOCKET_BAD;
        return ::close(socket);
    }
};

HttpClient::HttpClient(HttpLimits limits) : limits_(limits), handle_(std::make_unique<Handle>()) {
    init_curl_once();
    handle_->curl = curl_easy_init();
    handle_->stall_timeout = limits_.stall_timeout;
}

HttpClient::~HttpClient() = default;

HttpResponse HttpClient::post_json(const std::string& url, const std::string& json, const std::string& bearer_token) {
    return perform(url, &json, bearer_token);
}

HttpResponse HttpClient::get(const std::string& url) { return perform(url, nullptr, ""); }

HttpResponse HttpClient::get(const std::string& url, const std::string& bearer_token,
                             const std::string& if_none_match) {
    return perform(url, nullptr, bearer_token, if_none_match);
}

HttpResponse HttpClient::perform(const std::string& url, const std::string* json, const std::string& bearer_token,
                                 const std::string& if_none_match) {
    HttpResponse response;
    Handle& h = *handle_;
    CURL* curl = h.curl;
    if (!curl) {
        response.error = "libcurl could not start";
        response.failure = HttpResponse::Failure::Unreachable;
        return response;
    }
    curl_easy_reset(curl);  // forgets the last request's options; keeps its connection
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(nullptr, curl_slist_free_all);
    char error[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(limits_.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // safe from a worker thread
    curl_easy_setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);
    // A connection idle longer than this is not reused: servers close idle ones after some
    // seconds (the collector after 10), and over a slow link that close may still be on its
    // way when the next request goes out.
    curl_easy_setopt(curl, CURLOPT_MAXAGE_CONN, 5L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, read_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, &Handle::on_progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &h);
    curl_easy_setopt(curl, CURLOPT_SOCKOPTFUNCTION, &Handle::on_socket);
    curl_easy_setopt(curl, CURLOPT_SOCKOPTDATA, &h);
    curl_easy_setopt(curl, CURLOPT_CLOSESOCKETFUNCTION, &Handle::on_close);
    curl_easy_setopt(curl, CURLOPT_CLOSESOCKETDATA, &h);
    auto add_header = [&](const std::string& header) {
        headers.reset(curl_slist_append(headers.release(), header.c_str()));
    };
    if (!bearer_token.empty()) add_header("Authorization: Bearer " + bearer_token);
    if (!if_none_match.empty()) add_header("If-None-Match: " + if_none_match);
    if (json) {
        add_header("Content-Type: application/json");
        add_header("Expect:");  // no 100-continue round trip: on a 2 s link it costs 4 s
    }
    if (headers) curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
    if (json) {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, json->c_str());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(json->size()));
    }
    h.progress = 0;
    h.stalled = false;
    h.last_progress = SteadyClock::now();
    const CURLcode code = curl_easy_perform(curl);
    if (code != CURLE_OK) {
        response.body.clear();
        response.retry_after_seconds.reset();
        response.etag.clear();
        if (h.stalled) {
            response.failure = HttpResponse::Failure::Stalled;
            response.error = "nothing moved for " + std::to_string(limits_.stall_timeout.count()) + " ms";
        } else {
            response.failure = failure_of(code, curl);
            response.error = error[0] ? error : curl_easy_strerror(code);
        }
        return response;
    }
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

HttpResponse http_post_json(const std::string& url, const std::string& json, std::chrono::milliseconds timeout,
                            const std::string& bearer_token) {
    return HttpClient({timeout, timeout}).post_json(url, json, bearer_token);
}

HttpResponse http_get(const std::string& url, std::chrono::milliseconds timeout) {
    return HttpClient({timeout, timeout}).get(url);
}

}  // namespace selfcheck
