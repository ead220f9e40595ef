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

int connect_loopback(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
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

FaultProxy::FaultProxy(const std::string& upstream_url) {
    const std::string prefix = "http://127.0.0.1:";
    if (upstream_url.rfind(prefix, 0) != 0)
        throw std::invalid_argument("FaultProxy forwards to loopback only: " + upstream_url);
    upstream_port_ = std::atoi(upstream_url.c_str() + prefix.size());

    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
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

void FaultProxy::accept_loop() {
    while (wait_readable(listener_)) {
        const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        std::lock_guard<std::mutex> lock(mutex_);
        Fault fault;
        if (!plan_.empty()) {
            fault = plan_.front();
            plan_.pop_front();
        }
        log_.push_back({std::chrono::steady_clock::now(), fault.kind, "", "", ""});
        const size_t index = log_.size() - 1;
        workers_.emplace_back([this, client, fault, index] { serve(client, fault, index); });
    }
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

void FaultProxy::serve(int client, Fault fault, size_t index) {
    std::string request;
    size_t body_offset = 0;
    int upstream = -1;
    auto finish = [&] {
        if (upstream >= 0) ::close(upstream);
        ::close(client);
    };
    if (fault.kind == Fault::Kind::Refuse || !read_message(client, request, body_offset, true)) return finish();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        log_[index].request_line = request.substr(0, request.find("\r\n"));
        log_[index].request_body = request.substr(body_offset);
    }
    if (fault.kind == Fault::Kind::Http500 || fault.kind == Fault::Kind::ServiceUnavailable) {
        send_all(client, canned_answer(fault));
        ::shutdown(client, SHUT_WR);
        return finish();
    }
    upstream = connect_loopback(upstream_port_);
    if (upstream < 0 || !send_all(upstream, request)) return finish();

    if (fault.kind == Fault::Kind::Pass) {  // both ways until either side closes
        pollfd ends[2] = {{client, POLLIN, 0}, {upstream, POLLIN, 0}};
        char buffer[16384];
        while (!stopping_) {
            const int ready = ::poll(ends, 2, kSliceMs);
            if (ready < 0 && errno != EINTR) break;
            bool open = true;
            for (int i = 0; i < 2 && ready > 0; ++i) {
                if (!ends[i].revents) continue;
                const ssize_t n = ::recv(ends[i].fd, buffer, sizeof buffer, 0);
                if (i == 1 && n > 0) note_answer(index, buffer, size_t(n));
                if (n <= 0 || !send_all(ends[1 - i].fd, std::string(buffer, size_t(n)))) open = false;
            }
            if (!open) break;
        }
        return finish();
    }

    // The collector answers in full first, so it has stored the batch whatever happens next.
    std::string answer;
    size_t answer_body = 0;
    if (!read_message(upstream, answer, answer_body, false)) return finish();
    note_answer(index, answer.data(), answer.size());
    if (fault.kind == Fault::Kind::Slow) {
        if (sleep_for(fault.hold)) send_all(client, answer);  // long after the client gave up
    } else if (fault.kind == Fault::Kind::ResetMidResponse) {
        send_all(client, answer.substr(0, answer.size() / 2));
        const linger abort{1, 0};  // close sends RST, not FIN
        ::setsockopt(client, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
    }
    finish();  // DropResponse: closed without a byte of the answer
}

}  // namespace selfcheck::testing
