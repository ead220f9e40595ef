#pragma once
// Reading a POST body within a byte limit, and judging its media type.

#include <httplib.h>

#include <cstddef>
#include <string>

namespace selfcheck::collector {

enum class BodyRead { Complete, TooLarge, Broken };

// Reads the body through httplib's streaming reader, stopping at `limit` bytes.
// httplib's own payload limit only covers requests that declare a Content-Length;
// a chunked upload would otherwise be read into memory however large it is.
BodyRead read_body(const httplib::ContentReader& reader, httplib::Response& response, std::size_t limit,
                   std::string& body);

// "application/json", in any case, optionally with parameters such as "; charset=utf-8".
bool is_json_media_type(const std::string& content_type);

}  // namespace selfcheck::collector
