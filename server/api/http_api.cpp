#include "server/api/http_api.h"

#include "protocol/time/dates.h"
#include "server/api/batch_decoder.h"
#include "server/api/batch_ingest.h"
#include "server/api/checkin_decoder.h"
#include "server/api/device_auth.h"
#include "server/api/request_body.h"
#include "server/store/record_store.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <string>

namespace selfcheck::collector {
namespace {

using nlohmann::json;

void reply(httplib::Response& response, int status, const json& body) {
    response.status = status;
    // `replace` keeps a reply from throwing should a message ever hold broken UTF-8.
    response.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

void reply_error(httplib::Response& response, int status, const std::string& reason) {
    reply(response, status, {{"error", reason}});
}

void reply_unavailable(httplib::Response& response, const HttpApiOptions& options, const std::string& what) {
    std::cerr << "collector: store unavailable: " << what << '\n';
    response.set_header("Retry-After", std::to_string(options.retry_after.count()));
    reply_error(response, 503, "the collector's store is busy or unavailable; nothing was stored, try again later");
}

// The checks every authenticated POST shares, in order: body size, token, media type.
// Returns the device, or nothing when `response` already holds the error reply.
// The body is read before anything is judged, even when the reply will be an error,
// so a kept-alive connection is left at the start of the next request.
std::optional<Device> accept_post(const HttpApiContext& context, const httplib::Request& request,
                                  httplib::Response& response, const httplib::ContentReader& reader,
                                  std::string& body) {
    const std::size_t limit = context.options.max_body_bytes;
    switch (read_body(reader, response, limit, body)) {
    case BodyRead::Complete: break;
    case BodyRead::TooLarge:
        // Unread bytes may remain on the socket; the client should not reuse it.
        response.set_header("Connection", "close");
        reply_error(response, 413, "body: larger than " + std::to_string(limit) + " bytes");
        return std::nullopt;
    case BodyRead::Broken:
        response.set_header("Connection", "close");
        reply_error(response, 400, "body: could not be read");
        return std::nullopt;
    }
    AuthResult auth = authenticate(context.store, request.get_header_value("Authorization"));
    if (!auth.device) {
        response.set_header("WWW-Authenticate", "Bearer");
        reply_error(response, 401, auth.error);
        return std::nullopt;
    }
    if (!is_json_media_type(request.get_header_value("Content-Type"))) {
        reply_error(response, 415, "Content-Type: expected application/json");
        return std::nullopt;
    }
    return auth.device;
}

void post_batch(const HttpApiContext& context, const BatchIngest& ingest, const httplib::Request& request,
                httplib::Response& response, const httplib::ContentReader& reader) {
    std::string body;
    const std::optional<Device> device = accept_post(context, request, response, reader, body);
    if (!device) return;
    std::vector<BatchEntry> batch;
    try {
        batch = decode_batch(body);
    } catch (const ProtocolError& e) {
        return reply_error(response, 400, e.what());
    }
    json results = json::array();
    for (const RecordOutcome& outcome : ingest.ingest(batch, *device, utc_timestamp_now())) {
        json result = {{"id", outcome.id}, {"status", status_name(outcome.status)}};
        if (outcome.status == RecordStatus::Rejected) result["reason"] = outcome.reason;
        results.push_back(std::move(result));
    }
    reply(response, 200, {{"results", std::move(results)}});
}

void post_checkin(const HttpApiContext& context, const httplib::Request& request, httplib::Response& response,
                  const httplib::ContentReader& reader) {
    std::string body;
    const std::optional<Device> device = accept_post(context, request, response, reader, body);
    if (!device) return;
    CheckIn checkin;
    try {
        checkin = decode_checkin(body);
    } catch (const ProtocolError& e) {
        return reply_error(response, 400, e.what());
    }
    checkin.received_at = utc_timestamp_now();
    context.store.record_checkin(device->device_id, checkin);
    response.status = 204;
}

// Gives httplib's own error replies (unknown path, bad request line, ...) a JSON body.
void fill_in_error_body(const httplib::Request&, httplib::Response& response) {
    if (!response.body.empty() || response.status == 204) return;  // a route wrote its own reply
    switch (response.status) {
    case 404: return reply_error(response, 404, "no such endpoint");
    case 413: return reply_error(response, 413, "body: too large");
    default: return reply_error(response, response.status, "malformed HTTP request");
    }
}

// Runs a route, turning a store failure into 503 + Retry-After (load shedding: the kiosk
// keeps its records and comes back later).
template <typename Route>
void shed_on_store_error(const HttpApiOptions& options, httplib::Response& response, Route route) {
    try {
        route();
    } catch (const StorageError& error) {
        response.headers.erase("Connection");
        reply_unavailable(response, options, error.what());
    }
}

// A bug reaches here; the kiosk sees a 503 and retries later.
void report_exception(const httplib::Request& request, httplib::Response& response, std::exception_ptr thrown) {
    std::string what = "unknown exception";
    try {
        std::rethrow_exception(thrown);
    } catch (const std::exception& error) {
        what = error.what();
    } catch (...) {}
    std::cerr << "collector: " << request.method << ' ' << request.path << " failed: " << what << '\n';
    reply_error(response, 503, "the collector could not complete the request; try again later");
}

void only_post(httplib::Server& server, const std::string& path) {
    server.Get(path, [path](const httplib::Request&, httplib::Response& response) {
        response.set_header("Allow", "POST");
        reply_error(response, 405, path + " only accepts POST");
    });
}

}  // namespace

void install_http_api(httplib::Server& server, const HttpApiContext& given) {
    // Shared by the route lambdas, which httplib keeps for the server's lifetime.
    const auto context = std::make_shared<const HttpApiContext>(given);
    const auto ingest = std::make_shared<const BatchIngest>(context->store, context->keys, context->forms);
    const HttpApiOptions& options = context->options;

    const auto io_timeout = static_cast<time_t>(options.io_timeout.count());
    server.set_read_timeout(io_timeout);
    server.set_write_timeout(io_timeout);
    server.set_keep_alive_timeout(io_timeout);
    server.set_payload_max_length(options.max_body_bytes);
    server.set_error_handler(fill_in_error_body);
    server.set_exception_handler(report_exception);

    server.Get("/healthz", [](const httplib::Request&, httplib::Response& response) {
        reply(response, 200, {{"status", "ok"}});
    });
    server.Post("/api/v1/batches", [context, ingest](const httplib::Request& request, httplib::Response& response,
                                                     const httplib::ContentReader& reader) {
        shed_on_store_error(context->options, response,
                            [&] { post_batch(*context, *ingest, request, response, reader); });
    });
    server.Post("/api/v1/checkin", [context](const httplib::Request& request, httplib::Response& response,
                                             const httplib::ContentReader& reader) {
        shed_on_store_error(context->options, response, [&] { post_checkin(*context, request, response, reader); });
    });
    only_post(server, "/api/v1/batches");
    only_post(server, "/api/v1/checkin");
}

}  // namespace selfcheck::collector
