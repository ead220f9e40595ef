#pragma once
// A TCP proxy for tests that breaks connections on purpose, between the kiosk's sync worker
// and the real collector, all on loopback. It works in one of two ways:
//
// - Planned faults (the default). Each connection carries one request: the proxy reads it
//   whole (headers and Content-Length body), and a request to the faulted path (batches,
//   unless told otherwise) takes the next planned fault in order; others, and all once the
//   plan is used up, pass. Faults land at a known point: before the collector saw the
//   request (refuse, http_500, service_unavailable) or after it stored it (slow,
//   reset_mid_response, drop_response). A passed answer gets "Connection: close", so the
//   client's next request comes on a new connection and meets the next fault.
// - A simulated bad link (ProxyOptions::link): every connection is carried both ways,
//   kept alive as the client likes, through loss, delay with jitter, reordering and a
//   bandwidth limit (simulated_link.h). The plan is not used.
#include "tests/support/simulated_link.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace selfcheck::testing {

struct Fault {
    enum class Kind {
        Pass,                // forward both ways
        Refuse,              // read the request, then close without a word
        Http500,             // answer 500 without forwarding
        ServiceUnavailable,  // answer `status` (429 or 503) with Retry-After, without forwarding
        Slow,                // forward; hold the collector's answer for `hold`, then send it
        ResetMidResponse,    // forward; send half the answer, then RST (SO_LINGER 0)
        DropResponse,        // forward; close without answering
    };
    Kind kind = Kind::Pass;
    int status = 503;
    long retry_after_seconds = 1;
    std::chrono::milliseconds hold{0};

    static Fault pass() { return {}; }
    static Fault refuse() { return {Kind::Refuse}; }
    static Fault http_500() { return {Kind::Http500, 500}; }
    static Fault service_unavailable(int status, long retry_after_seconds) {
        return {Kind::ServiceUnavailable, status, retry_after_seconds};
    }
    static Fault slow(std::chrono::milliseconds hold) { return {Kind::Slow, 0, 0, hold}; }
    static Fault reset_mid_response() { return {Kind::ResetMidResponse}; }
    static Fault drop_response() { return {Kind::DropResponse}; }
};

const char* fault_name(Fault::Kind kind);

// What the proxy saw of one connection.
struct ProxiedConnection {
    std::chrono::steady_clock::time_point accepted;
    Fault::Kind fault = Fault::Kind::Pass;
    std::string request_line;  // "POST /api/v1/batches HTTP/1.1"; empty when refused
    std::string request_body;
    std::string answer;  // the first 4 KiB the collector answered, for diagnosing a failure
};

struct ProxyOptions {
    std::string faulted_path = "/api/v1/batches";  // requests the plan's faults apply to (a prefix)
    std::optional<LinkProfile> link;               // set: every connection goes through this link
    std::uint64_t seed = 1;                        // the link's randomness, for a repeatable run
};

class FaultProxy {
public:
    // `upstream_url`: http://127.0.0.1:PORT (loopback only; anything else throws).
    explicit FaultProxy(const std::string& upstream_url, ProxyOptions options = {});
    ~FaultProxy();  // stops accepting, cuts held connections short and joins every thread
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    std::string url() const;  // http://127.0.0.1:PORT of the proxy itself
    // Appends to the plan; each new connection takes the first fault left.
    void plan(const std::vector<Fault>& faults);
    size_t faults_left() const;
    size_t connections() const;
    std::vector<ProxiedConnection> log() const;
    // Only the connections that carried a request to `path_prefix`.
    std::vector<ProxiedConnection> log_of(const std::string& path_prefix) const;
    const LinkCounters& link_counters() const { return link_counters_; }

private:
    void accept_loop();
    void serve(int client, size_t index);
    void serve_link(int client, size_t index);
    Fault take_fault(const std::string& request_line);
    void note_answer(size_t index, const char* data, size_t size);
    bool wait_readable(int fd);  // false once stopping or on error
    bool read_message(int fd, std::string& message, size_t& body_offset, bool is_request);
    bool sleep_for(std::chrono::milliseconds duration);  // false when cut short by stopping

    ProxyOptions options_;
    LinkCounters link_counters_;
    int listener_ = -1;
    int port_ = 0;
    int upstream_port_ = 0;
    std::atomic<bool> stopping_{false};
    mutable std::mutex mutex_;
    std::condition_variable stopped_;
    std::deque<Fault> plan_;
    std::vector<ProxiedConnection> log_;
    std::vector<std::thread> workers_;
    std::thread acceptor_;
};

}  // namespace selfcheck::testing
