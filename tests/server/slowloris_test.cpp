// Issue #14, slowloris, against the real binary on loopback: 200 connections that each send one
// header byte every 3 s (from 200 addresses, so the per-client cap does not simply refuse
// them; each reconnects as soon as the collector drops it) run for 60 s, while a client's 100
// ordinary requests (health, a batch, the login page) must all be answered, p99 at most 1 s.

#include "tests/server/live_collector.h"
#include "tests/server/sealed_batches.h"

#include <fcntl.h>

#include <algorithm>
#include <atomic>
#include <thread>

using namespace live;

namespace {

constexpr int kSlowConnections = 200;
constexpr auto kAttackTime = 60s;
constexpr auto kByteEvery = 3s;
constexpr int kGoodRequests = 100;
// A request line and headers that never end: one byte of it at a time.
const std::string kTrickle = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + std::string(16000, 'a');

using Clock = std::chrono::steady_clock;

struct SlowClient {
    int fd = -1;
    std::string source;
    std::size_t sent = 0;
    Clock::time_point next_byte;
    Clock::time_point opened;
};

struct AttackFigures {
    long connections = 0;   // opened in all
    long bytes = 0;         // trickled in all
    long cut = 0;           // dropped by the collector (answered or closed)
    long answered_408 = 0;  // of those, with a 408
    double longest_held_s = 0;
};

bool open_slow(SlowClient& client, int port) {
    client.fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    inet_pton(AF_INET, client.source.c_str(), &local.sin_addr);
    if (::bind(client.fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) return false;
    sockaddr_in remote{};
    remote.sin_family = AF_INET;
    remote.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr);
    if (::connect(client.fd, reinterpret_cast<sockaddr*>(&remote), sizeof remote) != 0) return false;
    ::fcntl(client.fd, F_SETFL, O_NONBLOCK);
    client.sent = 0;
    client.opened = Clock::now();
    return true;
}

// Keeps kSlowConnections trickling until `stop`; what it saw.
AttackFigures slowloris(int port, const std::atomic<bool>& stop) {
    AttackFigures figures;
    std::vector<SlowClient> clients(kSlowConnections);
    const auto start = Clock::now();
    for (int i = 0; i < kSlowConnections; ++i) {
        clients[i].source = "127.0.2." + std::to_string(i + 1);
        // Staggered, so the bytes do not all arrive at once.
        clients[i].next_byte = start + std::chrono::milliseconds(kByteEvery) * i / kSlowConnections;
        REQUIRE(open_slow(clients[i], port));
        ++figures.connections;
    }
    while (!stop) {
        std::vector<pollfd> fds;
        for (const SlowClient& client : clients) fds.push_back({client.fd, POLLIN, 0});
        ::poll(fds.data(), fds.size(), 50);
        const auto now = Clock::now();
        for (std::size_t i = 0; i < clients.size(); ++i) {
            SlowClient& client = clients[i];
            bool dropped = false;
            if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
                char answer[512];
                const ssize_t n = ::recv(client.fd, answer, sizeof answer, 0);
                if (n > 12 && std::string(answer, 12) == "HTTP/1.1 408") ++figures.answered_408;
                dropped = true;
            } else if (now >= client.next_byte) {
                if (::send(client.fd, &kTrickle[client.sent % kTrickle.size()], 1, MSG_NOSIGNAL) == 1) {
                    ++client.sent;
                    ++figures.bytes;
                } else {
                    dropped = true;
                }
                client.next_byte += kByteEvery;
            }
            if (dropped) {
                ++figures.cut;
                figures.longest_held_s =
                    std::max(figures.longest_held_s, std::chrono::duration<double>(now - client.opened).count());
                ::close(client.fd);
                REQUIRE(open_slow(client, port));
                ++figures.connections;
            }
        }
    }
    for (const SlowClient& client : clients) ::close(client.fd);
    return figures;
}

// The i-th good request: health, a one-record batch or the login page, in turn.
std::string good_request(int i, const Setup& setup) {
    switch (i % 3) {
    case 0: return "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    case 1: {
        const std::string batch = batch_of({sample_record_json(record_id_for(i))}, setup.public_key).dump();
        return post("/api/v1/batches", "application/json", batch, "Authorization: Bearer " + setup.token + "\r\n");
    }
    default: return "GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    }
}

}  // namespace

TEST_CASE("200 slowloris connections for 60 s leave a client's 100 requests answered, p99 within 1 s") {
    Setup setup;
    Serving serving(setup);
    std::atomic<bool> stop{false};
    AttackFigures attack;
    std::thread attacker([&] { attack = slowloris(serving.port(), stop); });

    // Let every slow connection be open and trickling before the first good request.
    std::this_thread::sleep_for(kByteEvery + 1s);
    // In milliseconds: whole seconds would divide down to zero.
    const auto spacing = std::chrono::milliseconds(kAttackTime - kByteEvery - 2s) / kGoodRequests;
    std::vector<double> latencies;
    std::vector<int> statuses;
    for (int i = 0; i < kGoodRequests; ++i) {
        const std::string request = good_request(i, setup);
        const auto sent = Clock::now();
        statuses.push_back(status_of(http_exchange(serving.port(), request, "127.0.0.2")));
        latencies.push_back(std::chrono::duration<double>(Clock::now() - sent).count());
        std::this_thread::sleep_until(sent + spacing);
    }
    stop = true;
    attacker.join();

    std::vector<double> sorted = latencies;
    std::sort(sorted.begin(), sorted.end());
    const double p50 = sorted[sorted.size() / 2];
    const double p99 = sorted[(sorted.size() * 99 + 99) / 100 - 1];
    const long answered = std::count(statuses.begin(), statuses.end(), 200);
    std::printf(
        "slowloris: %ld slow connections opened, %ld bytes trickled, %ld cut by the collector (%ld with 408), "
        "longest held %.1f s; good requests %ld/%d answered 200, p50 %.3f s, p99 %.3f s, max %.3f s\n",
        attack.connections, attack.bytes, attack.cut, attack.answered_408, attack.longest_held_s, answered,
        kGoodRequests, p50, p99, sorted.back());

    // The attack really ran: every slow connection was open and trickling throughout.
    CHECK(attack.bytes >= kSlowConnections * (kAttackTime / kByteEvery) * 9 / 10);
    // and the collector let none of them hold a connection past the header deadline (10 s).
    CHECK(attack.cut > 0);
    CHECK(attack.longest_held_s < 15);
    for (int i = 0; i < kGoodRequests; ++i) {
        INFO("request " << i << " answered " << statuses[i] << " after " << latencies[i] << " s");
        CHECK(statuses[i] == 200);
    }
    CHECK(p99 <= 1.0);
    CHECK(setup.records() == std::to_string(kGoodRequests / 3 + (kGoodRequests % 3 > 1 ? 1 : 0)) + "\n");
}
