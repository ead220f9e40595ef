#pragma once
// The collector's HTTP routes:
//   GET  /healthz          200 {"status":"ok","records":N}
//   POST /api/v1/records   201 stored, 200 duplicate, 400 invalid, 413 too large,
//                          415 not JSON, 503 storage failed
// Every reply, errors and unknown paths included, is a JSON object.

#include <chrono>
#include <cstddef>

namespace httplib {
class Server;
}

namespace collector {

class RecordStore;

struct HttpApiOptions {
  std::size_t max_body_bytes = 1024 * 1024;
  // Per socket read or write: a slow or stalled kiosk connection frees its worker after this.
  std::chrono::seconds io_timeout{10};
};

// Registers routes, limits, timeouts and JSON error replies on `server`.
// `store` must outlive the server.
void install_http_api(httplib::Server& server, RecordStore& store, const HttpApiOptions& options);

}  // namespace collector
