#pragma once
// Which handler answers a method and path, and what body (if any) it takes. The server
// (http_server.h) applies a route's body rules before reading the body, so a route that
// takes none never has one buffered, and a body over its limit is never held whole.

#include "server/http/http_message.h"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace selfcheck::collector::http {

using Handler = std::function<void(const Request&, Response&)>;
// Fills in an error reply (the collector's are JSON objects: {"error": message}).
using ErrorWriter = std::function<void(Response&, int status, const std::string& message)>;

struct Route {
    std::string method;
    std::string path;
    Handler handler;
    // 0: the route takes no body, and a request that sends one is refused (413).
    std::size_t max_body = 0;
    // The Content-Types (media types, lower case) a body may have; any other is 415.
    std::vector<std::string> media_types;
};

struct RouteMatch {
    const Route* route = nullptr;  // set when status is 200
    int status = 200;              // 404: no such path; 405: not that method (allow says which)
    std::string allow;
};

class Router {
public:
    explicit Router(ErrorWriter error_writer);

    void add(Route route);
    RouteMatch match(const std::string& method, const std::string& path) const;
    void write_error(Response& response, int status, const std::string& message) const;

private:
    std::vector<Route> routes_;
    ErrorWriter error_writer_;
};

}  // namespace selfcheck::collector::http
