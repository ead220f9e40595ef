#pragma once
// The built collector (or the one COLLECTOR_UNDER_TEST names, e.g. an older build to show a
// test fails there) serving on a free loopback port, with keys, one device for kSampleSite
// and one dashboard user; plus a raw-socket HTTP client that can send what no well-behaved
// client would: endless chunked bodies, gzip bombs, one byte at a time, from any 127.x
// source address.

#include "protocol/crypto/base64.h"
#include "protocol/crypto/sealing.h"
#include "tests/support/child_process.h"
#include "tests/support/sample_record.h"
#include "tests/support/temp_dir.h"

#include <arpa/inet.h>
#include <catch2/catch.hpp>
#include <dirent.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace live {

using namespace std::chrono_literals;

inline std::string collector_binary() {
    const char* chosen = std::getenv("COLLECTOR_UNDER_TEST");
    return chosen && *chosen ? chosen : COLLECTOR_BINARY;
}

inline std::string shell_quote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

inline selfcheck::testing::RunResult run(const std::string& shell_command) {
    return selfcheck::testing::run_program({"/bin/sh", "-c", shell_command + " 2>&1"}, 20s);
}

inline std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// VmRSS or VmHWM of a process, in KiB.
inline long status_kib(int pid, const std::string& field) {
    std::istringstream status(read_file("/proc/" + std::to_string(pid) + "/status"));
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
    }
    return -1;
}

// The pid of the process whose command line holds `marker`.
inline int find_pid(const std::string& marker) {
    DIR* proc = opendir("/proc");
    int found = -1;
    while (dirent* entry = readdir(proc)) {
        const int pid = std::atoi(entry->d_name);
        if (pid <= 0) continue;
        std::string cmdline = read_file("/proc/" + std::to_string(pid) + "/cmdline");
        for (char& c : cmdline) c = c == '\0' ? ' ' : c;
        if (cmdline.find(marker) != std::string::npos && cmdline.find("serve") != std::string::npos) found = pid;
    }
    closedir(proc);
    return found;
}

struct Setup {
    selfcheck::testing::TempDir dir;
    std::string db = (dir.path() / "records.db").string();
    std::string keys = (dir.path() / "keys").string();
    std::string token;
    selfcheck::PublicKey public_key;

    Setup() {
        const std::string binary = shell_quote(collector_binary());
        REQUIRE(run(binary + " keygen --out " + shell_quote(keys)).status == 0);
        const auto added = run(binary + " device add --db " + shell_quote(db) + " --site " + kSampleSite +
                               " --public-key " + shell_quote(keys + "/ngo_public.key") + " --url http://127.0.0.1");
        REQUIRE(added.status == 0);
        const std::size_t at = added.output.find("device_token: \"");
        REQUIRE(at != std::string::npos);
        token = added.output.substr(at + 15, 43);
        REQUIRE(run("echo 'correct horse battery' | " + binary + " user add analyst --db " + shell_quote(db)).status ==
                0);
        std::string key_text = read_file(keys + "/ngo_public.key");
        while (!key_text.empty() && (key_text.back() == '\n' || key_text.back() == ' ')) key_text.pop_back();
        public_key = selfcheck::parse_public_key(key_text, "test key");
    }
    std::string records() const {
        return run(shell_quote(collector_binary()) + " count --db " + shell_quote(db)).output;
    }
};

class Serving {
public:
    explicit Serving(const Setup& setup, const std::vector<std::string>& extra = {})
        : process_(argv(setup, extra)), line_(process_.read_line(15s)) {
        const std::string prefix = "collector listening on http://127.0.0.1:";
        REQUIRE(line_.rfind(prefix, 0) == 0);
        port_ = std::stoi(line_.substr(prefix.size()));
        pid_ = find_pid(setup.db);
        REQUIRE(pid_ > 0);
    }
    ~Serving() { process_.stop(SIGTERM, 10s); }
    int port() const { return port_; }
    int pid() const { return pid_; }
    long rss_kib() const { return status_kib(pid_, "VmRSS"); }
    long peak_kib() const { return status_kib(pid_, "VmHWM"); }
    int stop() { return process_.stop(SIGTERM, 10s); }

private:
    static std::vector<std::string> argv(const Setup& setup, const std::vector<std::string>& extra) {
        std::vector<std::string> args = {collector_binary(), "serve", "--db",         setup.db,
                                         "--port",           "0",     "--secret-key", setup.keys + "/ngo_secret.key"};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    }
    selfcheck::testing::ChildProcess process_;
    std::string line_;
    int port_ = 0;
    int pid_ = -1;
};

// A TCP connection to 127.0.0.1:port from `source` (any 127.x address).
class Connection {
public:
    Connection(int port, const std::string& source = "127.0.0.1") {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in local{};
        local.sin_family = AF_INET;
        inet_pton(AF_INET, source.c_str(), &local.sin_addr);
        ::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local);
        sockaddr_in remote{};
        remote.sin_family = AF_INET;
        remote.sin_port = htons(static_cast<uint16_t>(port));
        inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr);
        connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&remote), sizeof remote) == 0;
    }
    ~Connection() {
        if (fd_ >= 0) ::close(fd_);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    bool connected() const { return connected_; }

    // Sends all of `bytes` unless the server answers (or closes) first; false then.
    bool send(const std::string& bytes) {
        std::size_t sent = 0;
        while (sent < bytes.size()) {
            pollfd fds{fd_, POLLIN | POLLOUT, 0};
            if (::poll(&fds, 1, 30000) <= 0) return false;
            if (fds.revents & (POLLIN | POLLERR | POLLHUP)) return false;
            const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return false;
            sent += static_cast<std::size_t>(n);
        }
        return true;
    }
    // Whatever arrives until the server closes or `limit` passes.
    std::string read_all(std::chrono::milliseconds limit = 10s) {
        std::string out;
        const auto until = std::chrono::steady_clock::now() + limit;
        char buffer[8192];
        while (std::chrono::steady_clock::now() < until) {
            pollfd fds{fd_, POLLIN, 0};
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
            if (::poll(&fds, 1, static_cast<int>(std::max<long>(1, left.count()))) <= 0) break;
            const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
            if (n <= 0) break;
            out.append(buffer, static_cast<std::size_t>(n));
            if (complete_response(out)) break;
        }
        return out;
    }
    // True once the server has closed its side (read returns 0 or an error).
    bool closed_by_server(std::chrono::milliseconds wait) {
        pollfd fds{fd_, POLLIN, 0};
        if (::poll(&fds, 1, static_cast<int>(wait.count())) <= 0) return false;
        char buffer[4096];
        const ssize_t n = ::recv(fd_, buffer, sizeof buffer, MSG_DONTWAIT);
        return n <= 0 || closed_by_server(wait);
    }

    static bool complete_response(const std::string& text) {
        const std::size_t end = text.find("\r\n\r\n");
        if (end == std::string::npos) return false;
        const std::size_t length_at = text.find("Content-Length: ");
        if (length_at == std::string::npos || length_at > end) return true;
        const std::size_t length = std::stoul(text.substr(length_at + 16));
        return text.size() >= end + 4 + length;
    }

private:
    int fd_ = -1;
    bool connected_ = false;
};

inline int status_of(const std::string& response) {
    if (response.rfind("HTTP/1.", 0) != 0 || response.size() < 12) return 0;
    return std::stoi(response.substr(9, 3));
}

inline std::string body_of(const std::string& response) {
    const std::size_t end = response.find("\r\n\r\n");
    return end == std::string::npos ? "" : response.substr(end + 4);
}

// One whole request on a new connection; the answer's text.
inline std::string http_exchange(int port, const std::string& request, const std::string& source = "127.0.0.1") {
    Connection connection(port, source);
    REQUIRE(connection.connected());
    connection.send(request);
    return connection.read_all();
}

inline std::string post(const std::string& path, const std::string& content_type, const std::string& body,
                        const std::string& extra_headers = "") {
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: " + content_type +
           "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" + extra_headers + "\r\n" + body;
}

}  // namespace live
