#include "server/api/http_api.h"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "server/api/record_decoder.h"
#include "server/api/utc_timestamp.h"
#include "server/store/record_store.h"

namespace collector {
namespace {

using nlohmann::json;

void reply(httplib::Response& response, int status, const json& body) {
  response.status = status;
  // `replace` keeps a reply from throwing should a message ever hold broken UTF-8.
  response.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace),
                       "application/json");
}

void reply_error(httplib::Response& response, int status, const std::string& reason) {
  reply(response, status, {{"error", reason}});
}

// "application/json", in any case, optionally with parameters such as "; charset=utf-8".
bool is_json_media_type(const std::string& content_type) {
  std::string media_type = content_type.substr(0, content_type.find(';'));
  media_type.erase(std::remove_if(media_type.begin(), media_type.end(),
                                  [](unsigned char c) { return std::isspace(c) != 0; }),
                   media_type.end());
  std::transform(media_type.begin(), media_type.end(), media_type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return media_type == "application/json";
}

enum class BodyRead { complete, too_large, broken };

// Reads the body through httplib's streaming reader, stopping at `limit` bytes.
// httplib's own payload limit only covers requests that declare a Content-Length;
// a chunked upload would otherwise be read into memory however large it is.
BodyRead read_body(const httplib::ContentReader& reader, httplib::Response& response,
                   std::size_t limit, std::string& body) {
  bool over_limit = false;
  const bool complete = reader([&](const char* data, std::size_t length) {
    if (length > limit - body.size()) {
      over_limit = true;
      return false;
    }
    body.append(data, length);
    return true;
  });
  if (complete) return BodyRead::complete;
  // httplib sets 413 itself when a declared Content-Length is over the limit.
  return over_limit || response.status == 413 ? BodyRead::too_large : BodyRead::broken;
}

void post_record(RecordStore& store, std::size_t max_body_bytes,
                 const httplib::Request& request, httplib::Response& response,
                 const httplib::ContentReader& reader) {
  // The body is read before anything is judged, even when the reply will be an error,
  // so a kept-alive connection is left at the start of the next request.
  std::string body;
  switch (read_body(reader, response, max_body_bytes, body)) {
    case BodyRead::complete:
      break;
    case BodyRead::too_large:
      // Unread bytes may remain on the socket; the client should not reuse it.
      response.set_header("Connection", "close");
      return reply_error(response, 413, "body: larger than " + std::to_string(max_body_bytes) + " bytes");
    case BodyRead::broken:
      response.set_header("Connection", "close");
      return reply_error(response, 400, "body: could not be read");
  }

  if (!is_json_media_type(request.get_header_value("Content-Type"))) {
    return reply_error(response, 415, "Content-Type: expected application/json");
  }
  DecodeResult decoded = decode_record(body);
  if (!decoded.record) return reply_error(response, 400, decoded.error);

  const std::string record_id = decoded.record->record_id;
  StoredRecord stored{std::move(*decoded.record),
                      format_utc_timestamp(std::chrono::system_clock::now())};
  if (store.insert(stored)) {
    return reply(response, 201, {{"stored", true}, {"record_id", record_id}});
  }
  // Kiosks resend until they see a 2xx, so a record already here is a success.
  reply(response, 200, {{"stored", false}, {"duplicate", true}, {"record_id", record_id}});
}

void healthz(const RecordStore& store, httplib::Response& response) {
  reply(response, 200, {{"status", "ok"}, {"records", store.count()}});
}

// Gives httplib's own error replies (unknown path, bad request line, ...) a JSON body.
void fill_in_error_body(const httplib::Request&, httplib::Response& response) {
  if (!response.body.empty()) return;  // a route already wrote its own reason
  switch (response.status) {
    case 404: return reply_error(response, 404, "no such endpoint");
    case 413: return reply_error(response, 413, "body: too large");
    default: return reply_error(response, response.status, "malformed HTTP request");
  }
}

// A store failure (or a bug) reaches here; the kiosk sees a 503 and retries later.
void report_exception(const httplib::Request& request, httplib::Response& response,
                      std::exception_ptr thrown) {
  std::string what = "unknown exception";
  try {
    std::rethrow_exception(thrown);
  } catch (const std::exception& error) {
    what = error.what();
  } catch (...) {
  }
  std::cerr << "collector: " << request.method << ' ' << request.path << " failed: " << what << '\n';
  reply_error(response, 503, "the collector could not complete the request; try again later");
}

}  // namespace

void install_http_api(httplib::Server& server, RecordStore& store, const HttpApiOptions& options) {
  const auto io_timeout = static_cast<time_t>(options.io_timeout.count());
  server.set_read_timeout(io_timeout);
  server.set_write_timeout(io_timeout);
  server.set_keep_alive_timeout(io_timeout);
  server.set_payload_max_length(options.max_body_bytes);
  server.set_error_handler(fill_in_error_body);
  server.set_exception_handler(report_exception);

  server.Get("/healthz", [&store](const httplib::Request&, httplib::Response& response) {
    healthz(store, response);
  });
  server.Post("/api/v1/records",
              [&store, max = options.max_body_bytes](const httplib::Request& request,
                                                     httplib::Response& response,
                                                     const httplib::ContentReader& reader) {
                post_record(store, max, request, response, reader);
              });
  server.Get("/api/v1/records", [](const httplib::Request&, httplib::Response& response) {
    response.set_header("Allow", "POST");
    reply_error(response, 405, "/api/v1/records only accepts POST");
  });
}

}  // namespace collector
