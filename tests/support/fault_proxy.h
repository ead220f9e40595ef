#pragma once
// A TCP proxy for tests that breaks connections on purpose, between the kiosk's sync worker
// and the real collector, all on loopback. Each new connection takes the next planned fault
// in order; once the plan is used up connections pass straight through.
//
// It reads each request whole (headers and Content-Length body) before acting, so faults
// land at a known point: before the collector saw the request (refuse, http_500,
// service_unavailable) or after it stored it (slow, reset_mid_response, drop_response).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace selfcheck::testing {

struct Fault {
    enum class Kind {
        Pass,                // forward both ways
        Refuse,              // accept, then close at once
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

class FaultProxy {
public:
    // `upstream_url`: http://127.0.0.1:PORT (loopback only; anything else throws).
    explicit FaultProxy(const std::string& upstream_url);
    ~FaultProxy();  // stops accepting, cuts held connections short and joins every thread
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    std::string url() const;  // http://127.0.0.1:PORT of the proxy itself
    // Appends to the plan; each new connection takes the first fault left.
    void plan(const std::vector<Fault>& faults);
    size_t faults_left() const;
    size_t connections() const;
    std::vector<ProxiedConnection> log() const;

private:
    void accept_loop();
    void serve(int client, Fault fault, size_t index);
    void note_answer(size_t index, const char* data, size_t size);
    bool wait_readable(int fd);  // false once stopping or on error
    bool read_message(int fd, std::string& message, size_t& body_offset, bool is_request);
    bool sleep_for(std::chrono::milliseconds duration);  // false when cut short by stopping

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
