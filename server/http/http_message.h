#pragma once
// A request as the routes see it (read whole, within its route's limits) and the response
// they fill in. No Beast here: the server (http_server.h) converts.

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace selfcheck::collector::http {

// Case-insensitive header names, as HTTP has them.
struct HeaderNameLess {
    bool operator()(const std::string& a, const std::string& b) const;
};
using Headers = std::multimap<std::string, std::string, HeaderNameLess>;
using Params = std::multimap<std::string, std::string>;

struct Request {
    std::string method;  // "GET", "POST", ...
    std::string path;    // without the query
    Params params;       // from the query string, and from a form body (parse_form_body)
    Headers headers;
    std::string body;
    std::string peer_address;    // the socket's other end
    std::string client_address;  // the browser or kiosk: peer_address, or X-Forwarded-For from a trusted proxy

    std::string header(const std::string& name) const;  // "" when absent
    bool has_param(const std::string& name) const;
    std::string param(const std::string& name) const;  // the first value, "" when absent
};

struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    bool close = false;  // close the connection after this reply

    void set_header(const std::string& name, const std::string& value);  // replaces
    void add_header(const std::string& name, const std::string& value);  // e.g. a second Set-Cookie
    void erase_header(const std::string& name);
    std::string header(const std::string& name) const;
    void set_content(std::string content, const std::string& content_type);
};

// Decodes %XX and '+' (for forms). Returns false on a broken escape.
bool url_decode(const std::string& text, bool plus_is_space, std::string& out);

// "a=1&b=2" into `params`. Returns false (and names the problem in `error`) on a broken escape
// or a NUL byte.
bool parse_query(const std::string& query, Params& params, std::string& error);

// The media type of a Content-Type value, lower-cased, without parameters.
std::string media_type(const std::string& content_type);

}  // namespace selfcheck::collector::http
