#include "server/api/request_body.h"

#include <algorithm>
#include <cctype>

namespace selfcheck::collector {

BodyRead read_body(const httplib::ContentReader& reader, httplib::Response& response, std::size_t limit,
                   std::string& body) {
    bool over_limit = false;
    const bool complete = reader([&](const char* data, std::size_t length) {
        if (length > limit - body.size()) {
            over_limit = true;
            return false;
        }
        body.append(data, length);
        return true;
    });
    if (complete) return BodyRead::Complete;
    // httplib sets 413 itself when a declared Content-Length is over the limit.
    return over_limit || response.status == 413 ? BodyRead::TooLarge : BodyRead::Broken;
}

bool is_json_media_type(const std::string& content_type) {
    std::string media_type = content_type.substr(0, content_type.find(';'));
    media_type.erase(
        std::remove_if(media_type.begin(), media_type.end(), [](unsigned char c) { return std::isspace(c) != 0; }),
        media_type.end());
    std::transform(media_type.begin(), media_type.end(), media_type.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return media_type == "application/json";
}

}  // namespace selfcheck::collector
