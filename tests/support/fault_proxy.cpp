#include "tests/support/fault_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <stdexcept>

namespace selfcheck::testing {
namespace {

constexpr int kSliceMs = 50;  // how often a blocked thread looks whether the proxy is stopping

std::string lower(std::string text) {
    for (auto& c : text) c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// The value of header `name` (lower case, without ':') in a header block, or "".
std::string header_value(const std::string& lowered_head, const std::string& name) {
    const auto at = lowered_head.find("\r\n" + name + ":");
    if (at == std::string::npos) return "";
    const auto start = at + name.size() + 3;
    const auto end = lowered_head.find("\r\n", start);
    std::string value = lowered_head.substr(start, end - start);
    value.erase(0, value.find_first_not_of(' '));
    return value;
}

bool send_all(int fd, const std::string& data) {
    for (size_t done = 0; done < data.size();) {
        const ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
        if (n <= 0) return false;
        done += size_t(n);
    }
    return true;
}

// A small receive buffer, so that a sender's TCP sees its bytes acknowledged only as fast
// as the proxy reads them (the simulated link's pace), not as fast as loopback takes them.
constexpr int kLinkReceiveBuffer = 4096;

void shrink_receive_buffer(int fd) {
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &kLinkReceiveBuffer, sizeof kLinkReceiveBuffer);
}

int connect_loopback(int port, bool small_buffer) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd >= 0 && small_buffer) shrink_receive_buffer(fd);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) return fd;
    if (fd >= 0) ::close(fd);
    return -1;
}

std::string canned_answer(const Fault& fault) {
    const std::string body =
        fault.kind == Fault::Kind::Http500 ? R"({"error":"injected failure"})" : R"({"error":"injected: slow down"})";
    std::string head =
        "HTTP/1.1 " + std::to_string(fault.status) +
        (fault.status == 500   ? " Internal Server Error"
         : fault.status == 429 ? " Too Many Requests"
                               : " Service Unavailable") +
        "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\n";
    if (fault.kind == Fault::Kind::ServiceUnavailable)
        head += "Retry-After: " + std::to_string(fault.retry_after_seconds) + "\r\n";
    return head + "\r\n" + body;
}

// The message with "Connection: close" in its head: an answer, so the client opens a new
// connection for its next request (and so meets the next planned fault); a request, so the
// collector's answer ends where its connection does.
std::string closing(const std::string& answer) {
    const auto head_end = answer.find("\r\n\r\n");
    if (head_end == std::string::npos) return answer;
    std::string head = answer.substr(0, head_end);
    if (lower(head).find("\r\nconnection:") != std::string::npos) return answer;
    return head + "\r\nConnection: close" + answer.substr(head_end);
}

}  // namespace

const char* fault_name(Fault::Kind kind) {
    switch (kind) {
    case Fault::Kind::Pass: return "pass";
    case Fault::Kind::Refuse: return "refuse";
    case Fault::Kind::Http500: return "http_500";
    case Fault::Kind::ServiceUnavailable: return "service_unavailable";
    case Fault::Kind::Slow: return "slow";
    case Fault::Kind::ResetMidResponse: return "reset_mid_response";
    case Fault::Kind::DropResponse: return "drop_response";
    }
    return "?";
}

FaultProxy::FaultProxy(const std::string& upstream_url, ProxyOptions options) : options_(std::move(options)) {
    const std::string prefix = "http://127.0.0.1:";
    if (upstream_url.rfind(prefix, 0) != 0)
        throw std::invalid_argument("FaultProxy forwards to loopback only: " + upstream_url);
    upstream_port_ = std::atoi(upstream_url.c_str() + prefix.size());

    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    if (listener_ >= 0 && options_.link) shrink_receive_buffer(listener_);  // accepted sockets inherit it
    if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listener_, 64) != 0 || ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
        if (listener_ >= 0) ::close(listener_);
        throw std::runtime_error("FaultProxy could not listen on 127.0.0.1");
    }
    port_ = ntohs(address.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
}

FaultProxy::~FaultProxy() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    stopped_.notify_all();
    acceptor_.join();
    std::vector<std::thread> workers;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        workers.swap(workers_);
    }
    for (auto& worker : workers) worker.join();
    ::close(listener_);
}

std::string FaultProxy::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

void FaultProxy::plan(const std::vector<Fault>& faults) {
    std::lock_guard<std::mutex> lock(mutex_);
    plan_.insert(plan_.end(), faults.begin(), faults.end());
}

size_t FaultProxy::faults_left() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return plan_.size();
}

size_t FaultProxy::connections() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return log_.size();
}

std::vector<ProxiedConnection> FaultProxy::log() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return log_;
}

std::vector<ProxiedConnection> FaultProxy::log_of(const std::string& path_prefix) const {
    std::vector<ProxiedConnection> matching;
    for (const auto& c : log()) {
        const auto path = c.request_line.find(' ');
        if (path != std::string::npos && c.request_line.compare(path + 1, path_prefix.size(), path_prefix) == 0)
            matching.push_back(c);
    }
    return matching;
}

void FaultProxy::accept_loop() {
    while (wait_readable(listener_)) {
        const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        std::lock_guard<std::mutex> lock(mutex_);
        log_.push_back({std::chrono::steady_clock::now(), Fault::Kind::Pass, "", "", ""});
        const size_t index = log_.size() - 1;
        if (options_.link)
            workers_.emplace_back([this, client, index] { serve_link(client, index); });
        else
            workers_.emplace_back([this, client, index] { serve(client, index); });
    }
}

Fault FaultProxy::take_fault(const std::string& request_line) {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto path = request_line.find(' ');
    const bool faulted = path != std::string::npos &&
                         request_line.compare(path + 1, options_.faulted_path.size(), options_.faulted_path) == 0;
    if (!faulted || plan_.empty()) return Fault::pass();
    const Fault fault = plan_.front();
    plan_.pop_front();
    return fault;
}

void FaultProxy::note_answer(size_t index, const char* data, size_t size) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string& kept = log_[index].answer;
    kept.append(data, std::min(size, size_t(4096) - std::min(kept.size(), size_t(4096))));
}

bool FaultProxy::wait_readable(int fd) {
    pollfd entry{fd, POLLIN, 0};
    while (!stopping_) {
        const int ready = ::poll(&entry, 1, kSliceMs);
        if (ready > 0) return true;
        if (ready < 0 && errno != EINTR) return false;
    }
    return false;
}

bool FaultProxy::sleep_for(std::chrono::milliseconds duration) {
    std::unique_lock<std::mutex> lock(mutex_);
    return !stopped_.wait_for(lock, duration, [this] { return stopping_.load(); });
}

// Reads one HTTP message whole: the head, then a Content-Length body, or (an answer without
// one) everything until the peer closes. For a request sent with "Expect: 100-continue" it
// says "100 Continue" itself and drops the header, so the collector never has to.
bool FaultProxy::read_message(int fd, std::string& message, size_t& body_offset, bool is_request) {
    message.clear();
    size_t head_end = std::string::npos;
    long long length = -1;
    char buffer[16384];
    while (true) {
        if (head_end == std::string::npos) {
            head_end = message.find("\r\n\r\n");
            if (head_end != std::string::npos) {
                body_offset = head_end + 4;
                const std::string head = lower(message.substr(0, body_offset));
                const std::string content_length = header_value(head, "content-length");
                if (!content_length.empty())
                    length = std::atoll(content_length.c_str());
                else if (is_request)
                    length = 0;
                if (is_request && header_value(head, "expect") == "100-continue") {
                    const auto at = head.find("\r\nexpect:");
                    message.erase(at, head.find("\r\n", at + 2) - at);
                    body_offset = message.find("\r\n\r\n") + 4;
                    head_end = body_offset - 4;
                    if (!send_all(fd, "HTTP/1.1 100 Continue\r\n\r\n")) return false;
                }
            }
        }
        if (length >= 0 && message.size() >= body_offset + size_t(length)) return true;
        if (!wait_readable(fd)) return false;
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n == 0)
            return !is_request && head_end != std::string::npos &&
                   length < 0;  // closed: the end of a lengthless answer
        if (n < 0) return false;
        message.append(buffer, size_t(n));
    }
}

// The collector accepts the connection only once the simulated handshake is over, as it
// would across the real link; its timeouts start from there.
void FaultProxy::serve_link(int client, size_t index) {
    std::mt19937_64 random(options_.seed * 1000003 + index);
    if (wait_out(handshake_time(*options_.link, random, link_counters_), stopping_)) {
        const int upstream = connect_loopback(upstream_port_, true);
        if (upstream >= 0) {
            pump_through_link(client, upstream, *options_.link, random, stopping_, link_counters_);
            ::close(upstream);
        }
    }
    ::close(client);
}

void FaultProxy::serve(int client, size_t index) {
    std::string request;
    size_t body_offset = 0;
    int upstream = -1;
    auto finish = [&] {
        if (upstream >= 0) ::close(upstream);
        ::close(client);
    };
    if (!read_message(client, request, body_offset, true)) return finish();
    const std::string request_line = request.substr(0, request.find("\r\n"));
    const Fault fault = take_fault(request_line);
    {
        std::lock_guard<std::mutex> lock(mutex_);
        log_[index].fault = fault.kind;
        log_[index].request_line = request_line;
        log_[index].request_body = request.substr(body_offset);
    }
    if (fault.kind == Fault::Kind::Refuse) return finish();  // the collector never hears of it
    if (fault.kind == Fault::Kind::Http500 || fault.kind == Fault::Kind::ServiceUnavailable) {
        send_all(client, canned_answer(fault));
        ::shutdown(client, SHUT_WR);
        return finish();
    }
    upstream = connect_loopback(upstream_port_, false);
    if (upstream < 0 || !send_all(upstream, closing(request))) return finish();

    // The collector answers in full first, so it has stored the batch whatever happens next.
    std::string answer;
    size_t answer_body = 0;
    if (!read_message(upstream, answer, answer_body, false)) return finish();
    note_answer(index, answer.data(), answer.size());
    if (fault.kind == Fault::Kind::Pass) {
        send_all(client, closing(answer));
    } else if (fault.kind == Fault::Kind::Slow) {
        if (sleep_for(fault.hold)) send_all(client, closing(answer));  // long after the client gave up
    } else if (fault.kind == Fault::Kind::ResetMidResponse) {
        send_all(client, answer.substr(0, answer.size() / 2));
        const linger abort{1, 0};  // close sends RST, not FIN
        ::setsockopt(client, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
    }
    finish();  // DropResponse: closed without a byte of the answer
}

}  // namespace selfcheck::testing
