#pragma once
// The collector's HTTP/1.1 server: event-driven (Boost.Beast on one Asio thread), so a slow
// or stalled client costs a socket and a small buffer, never a worker. A request is read
// whole, within its route's limits, before a handler runs on the worker pool:
//   - the request line and headers within `header_timeout` and `header_bytes`;
//   - a body only for a route that takes one (router.h), declared or chunked alike, never
//     more than the route's max_body; no Content-Encoding (nothing is ever decompressed);
//   - no body byte for `body_stall_timeout`, or the whole request past `request_timeout`: 408;
//   - at most `max_connections` at once and `max_connections_per_client` from one address
//     (trusted proxies excepted: they carry everyone's requests), beyond which a connection
//     is answered 503 and closed.
// The listening socket is exclusive: a second server on a port in use fails to start.

#include "server/http/router.h"

#include <chrono>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace selfcheck::collector::http {

struct ServerLimits {
    std::size_t header_bytes = 16 * 1024;
    std::chrono::seconds header_timeout{10};      // request line and headers, idle keep-alive included
    std::chrono::seconds body_stall_timeout{30};  // between two body reads: a slow mobile link still gets through
    std::chrono::seconds request_timeout{120};    // headers and body together
    std::chrono::seconds write_timeout{30};
    std::size_t max_connections = 1000;
    std::size_t max_connections_per_client = 16;
    std::size_t handler_threads = 8;
    std::vector<std::string> trusted_proxies;  // addresses whose X-Forwarded-For is believed
};

// The address could not be listened on; the message names it and why.
class ListenError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class HttpServer {
public:
    // `router` must outlive the server.
    HttpServer(const Router& router, ServerLimits limits);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and listens; port 0 picks a free one. Returns the port. Throws ListenError.
    int listen(const std::string& host, int port);
    // Starts the handler threads (none run before: they must inherit the caller's signal
    // mask) and serves until stop(); returns once every worker is done.
    void run();
    // From any thread.
    void stop();

    struct Impl;  // the connections (http_server.cpp) reach it

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace selfcheck::collector::http
