#include "kiosk/core/http_client.h"

#include <curl/curl.h>

#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>

namespace selfcheck {
namespace {

void init_curl_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t append_body(char* data, size_t size, size_t count, void* out) {
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
}

// Picks Retry-After (seconds form; an HTTP date is ignored) out of the response headers.
size_t read_header(char* data, size_t size, size_t count, void* out) {
    const std::string line(data, size * count);
    const std::string name = "retry-after:";
    if (line.size() > name.size()) {
        std::string head = line.substr(0, name.size());
        for (auto& c : head) c = char(std::tolower(static_cast<unsigned char>(c)));
        if (head == name) {
            char* end = nullptr;
            const long seconds = std::strtol(line.c_str() + name.size(), &end, 10);
            if (end != line.c_str() + name.size() && seconds >= 0)
                static_cast<HttpResponse*>(out)->retry_after_seconds = seconds;
        }
    }
    return size * count;
}

HttpResponse perform(const std::string& url, const std::string* json, std::chrono::milliseconds timeout,
                     const std::string& bearer_token) {
    init_curl_once();
    HttpResponse response;
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) {
        response.error = "libcurl could not start";
        return response;
    }
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(nullptr, curl_slist_free_all);
    char error[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
    curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(timeout.count()));
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);  // safe from a worker thread
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, append_body);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl.get(), CURLOPT_HEADERFUNCTION, read_header);
    curl_easy_setopt(curl.get(), CURLOPT_HEADERDATA, &response);
    auto add_header = [&](const std::string& header) {
        headers.reset(curl_slist_append(headers.release(), header.c_str()));
    };
    if (!bearer_token.empty()) add_header("Authorization: Bearer " + bearer_token);
    if (json) add_header("Content-Type: application/json");
    if (headers) curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
    if (json) {
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, json->c_str());
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(json->size()));
    }
    CURLcode code = curl_easy_perform(curl.get());
    if (code != CURLE_OK) {
        response.error = error[0] ? error : curl_easy_strerror(code);
        response.body.clear();
        return response;
    }
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

}  // namespace

HttpResponse http_post_json(const std::string& url, const std::string& json, std::chrono::milliseconds timeout,
                            const std::string& bearer_token) {
    return perform(url, &json, timeout, bearer_token);
}

HttpResponse http_get(const std::string& url, std::chrono::milliseconds timeout) {
    return perform(url, nullptr, timeout, "");
}

}  // namespace selfcheck
