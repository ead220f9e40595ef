#include "server/http/router.h"

namespace selfcheck::collector::http {

Router::Router(ErrorWriter error_writer) : error_writer_(std::move(error_writer)) {}

void Router::add(Route route) { routes_.push_back(std::move(route)); }

RouteMatch Router::match(const std::string& method, const std::string& path) const {
    RouteMatch match;
    match.status = 404;
    for (const Route& route : routes_) {
        if (route.path != path) continue;
        if (route.method == method) return RouteMatch{&route, 200, ""};
        match.status = 405;
        match.allow += (match.allow.empty() ? "" : ", ") + route.method;
    }
    return match;
}

void Router::write_error(Response& response, int status, const std::string& message) const {
    response.status = status;
    error_writer_(response, status, message);
}

}  // namespace selfcheck::collector::http
