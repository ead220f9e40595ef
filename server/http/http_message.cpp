#include "server/http/http_message.h"

#include <strings.h>

#include <algorithm>
#include <cctype>

namespace selfcheck::collector::http {

bool HeaderNameLess::operator()(const std::string& a, const std::string& b) const {
    return strcasecmp(a.c_str(), b.c_str()) < 0;
}

std::string Request::header(const std::string& name) const {
    const auto found = headers.find(name);
    return found == headers.end() ? std::string() : found->second;
}

bool Request::has_param(const std::string& name) const { return params.count(name) > 0; }

std::string Request::param(const std::string& name) const {
    const auto found = params.find(name);
    return found == params.end() ? std::string() : found->second;
}

void Response::set_header(const std::string& name, const std::string& value) {
    erase_header(name);
    add_header(name, value);
}

void Response::add_header(const std::string& name, const std::string& value) { headers.emplace_back(name, value); }

void Response::erase_header(const std::string& name) {
    headers.erase(
        std::remove_if(headers.begin(), headers.end(),
                       [&](const auto& header) { return strcasecmp(header.first.c_str(), name.c_str()) == 0; }),
        headers.end());
}

std::string Response::header(const std::string& name) const {
    for (const auto& [key, value] : headers) {
        if (strcasecmp(key.c_str(), name.c_str()) == 0) return value;
    }
    return "";
}

void Response::set_content(std::string content, const std::string& content_type) {
    body = std::move(content);
    set_header("Content-Type", content_type);
}

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

bool url_decode(const std::string& text, bool plus_is_space, std::string& out) {
    out.clear();
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+' && plus_is_space) {
            out += ' ';
        } else if (c == '%') {
            if (i + 2 >= text.size()) return false;
            const int high = hex_value(text[i + 1]);
            const int low = hex_value(text[i + 2]);
            if (high < 0 || low < 0) return false;
            out += static_cast<char>(high * 16 + low);
            i += 2;
        } else {
            out += c;
        }
    }
    return true;
}

bool parse_query(const std::string& query, Params& params, std::string& error) {
    std::size_t at = 0;
    while (at <= query.size()) {
        std::size_t end = query.find('&', at);
        if (end == std::string::npos) end = query.size();
        const std::string pair = query.substr(at, end - at);
        if (!pair.empty()) {
            const std::size_t equals = pair.find('=');
            std::string name, value;
            if (!url_decode(pair.substr(0, equals), true, name) ||
                !url_decode(equals == std::string::npos ? "" : pair.substr(equals + 1), true, value)) {
                error = "parameter '" + pair.substr(0, std::min<std::size_t>(equals, 40)) + "': broken %-escape";
                return false;
            }
            if (name.find('\0') != std::string::npos || value.find('\0') != std::string::npos) {
                error = "parameter '" + pair.substr(0, std::min<std::size_t>(equals, 40)) + "': holds a NUL byte";
                return false;
            }
            params.emplace(std::move(name), std::move(value));
        }
        at = end + 1;
    }
    return true;
}

std::string media_type(const std::string& content_type) {
    std::string type = content_type.substr(0, content_type.find(';'));
    type.erase(std::remove_if(type.begin(), type.end(), [](unsigned char c) { return std::isspace(c) != 0; }),
               type.end());
    std::transform(type.begin(), type.end(), type.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return type;
}

}  // namespace selfcheck::collector::http
