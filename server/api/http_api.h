#pragma once
// The collector's kiosk-facing routes (docs/protocol.md is the contract):
//   GET  /healthz           200 {"status":"ok"} when the store can take a write, else
//                           503 {"status":"cannot_store","error":...}; no token
//   POST /api/v1/batches    Bearer token; 200 {"results":[{"id","status","reason"?}]} per record,
//                           400 malformed batch, 401 token, 408 body too slow, 413 too large,
//                           415 not JSON (multipart, compressed, ...),
//                           503 + Retry-After when the store is busy or unavailable
//   POST /api/v1/checkin    Bearer token; 204, or the same errors
//   GET  /api/v1/content    Bearer token; 200 the signed content bundle (application/octet-stream)
//                           with an ETag, 304 when If-None-Match is that ETag, 404 when none is
//                           published
//   POST /api/v1/referrals  Bearer token; call-back requests, answered as batches are
// Every reply with a body, errors and unknown paths included, is a JSON object. The body
// limits, media types and deadlines are applied by the server (server/http) before a route
// runs.

#include "server/http/router.h"

#include <chrono>
#include <cstddef>
#include <string>

namespace selfcheck {
struct KeyPair;
}

namespace selfcheck::collector {

class RecordStore;
class FormCatalog;

struct HttpApiOptions {
    std::size_t max_body_bytes = 1024 * 1024;
    // Sent as Retry-After with a 503 when the store fails.
    std::chrono::seconds retry_after{5};
    // The signed bundle `collector content publish` wrote (serve --bundle); empty: none.
    std::string content_bundle_file;
};

// What the routes use; everything must outlive the server.
struct HttpApiContext {
    RecordStore& store;
    const KeyPair& keys;
    const FormCatalog& forms;
    HttpApiOptions options;
};

// {"error": message}, the collector's error body everywhere.
void write_json_error(http::Response& response, int status, const std::string& message);

// A router whose error replies are JSON objects.
http::Router make_collector_router();

// Adds the routes above. `context` is copied; what it refers to must outlive the server.
void add_http_api(http::Router& router, const HttpApiContext& context);

}  // namespace selfcheck::collector
