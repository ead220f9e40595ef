#pragma once
// The collector's HTTP routes (docs/protocol.md is the contract):
//   GET  /healthz           200 {"status":"ok"}; no token
//   POST /api/v1/batches    Bearer token; 200 {"results":[{"id","status","reason"?}]} per record,
//                           400 malformed batch, 401 token, 413 too large, 415 not JSON,
//                           503 + Retry-After when the store is busy or unavailable
//   POST /api/v1/checkin    Bearer token; 204, or the same errors
// Every reply with a body, errors and unknown paths included, is a JSON object.

#include <chrono>
#include <cstddef>

namespace httplib {
class Server;
}

namespace selfcheck {
struct KeyPair;
}

namespace selfcheck::collector {

class RecordStore;
class FormCatalog;

struct HttpApiOptions {
    std::size_t max_body_bytes = 1024 * 1024;
    // Per socket read or write: a slow or stalled kiosk connection frees its worker after this.
    std::chrono::seconds io_timeout{10};
    // Sent as Retry-After with a 503 when the store fails.
    std::chrono::seconds retry_after{5};
};

// What the routes use; everything must outlive the server.
struct HttpApiContext {
    RecordStore& store;
    const KeyPair& keys;
    const FormCatalog& forms;
    HttpApiOptions options;
};

// Registers routes, limits, timeouts and JSON error replies on `server`.
// `context` is copied; what it refers to must outlive the server.
void install_http_api(httplib::Server& server, const HttpApiContext& context);

}  // namespace selfcheck::collector
