#include "tests/support/simulated_link.h"

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <deque>
#include <string>

namespace selfcheck::testing {
namespace {

using SteadyClock = std::chrono::steady_clock;
using Ms = std::chrono::milliseconds;
constexpr int kSliceMs = 20;  // the longest the pump sleeps without looking at the time

struct Segment {
    SteadyClock::time_point deliver_at;
    std::string bytes;
};

// One direction of the link.
struct Direction {
    int from = -1;
    int to = -1;
    std::deque<Segment> in_flight;
    std::size_t in_flight_bytes = 0;
    SteadyClock::time_point link_free_at{};
    SteadyClock::time_point last_delivery{};
    bool source_closed = false;  // FIN seen: shut `to` down once in_flight is empty
    bool done = false;
    bool impaired = true;
};

class Link {
public:
    Link(const LinkProfile& profile, std::mt19937_64& random, LinkCounters& counters)
        : profile_(profile), random_(random), counters_(counters) {}

    bool chance(double p) { return p > 0 && std::uniform_real_distribution<double>(0, 1)(random_) < p; }

    Ms one_way() {
        const double jitter = double(profile_.jitter.count());
        const double ms =
            double(profile_.delay.count()) + std::uniform_real_distribution<double>(-jitter, jitter)(random_);
        return Ms(static_cast<long long>(std::max(0.0, ms)));
    }

    // When a segment handed to the link now arrives, losses and reordering included.
    void schedule(Direction& d, std::string bytes) {
        const auto now = SteadyClock::now();
        if (!d.impaired) {
            counters_.bytes += bytes.size();
            d.in_flight_bytes += bytes.size();
            d.last_delivery = std::max(now, d.last_delivery);
            d.in_flight.push_back({d.last_delivery, std::move(bytes)});
            return;
        }
        auto start = std::max(now, d.link_free_at);
        if (profile_.bandwidth_bytes_per_s > 0)
            start += std::chrono::microseconds(std::int64_t(bytes.size()) * 1000000 / profile_.bandwidth_bytes_per_s);
        d.link_free_at = start;
        auto arrival = start + one_way();
        Ms rto = profile_.retransmit_timeout();
        while (chance(profile_.loss)) {
            ++counters_.lost;
            arrival += rto;
            rto = std::min(rto * 2, Ms(120 * 1000));
        }
        if (chance(profile_.reorder)) {
            ++counters_.reordered;
            arrival += profile_.delay;
        }
        const auto deliver_at = std::max(arrival, d.last_delivery);  // in order, as TCP hands it up
        d.last_delivery = deliver_at;
        ++counters_.segments;
        counters_.bytes += bytes.size();
        d.in_flight_bytes += bytes.size();
        d.in_flight.push_back({deliver_at, std::move(bytes)});
    }

    // A SYN and its answer, each leg resent after 1 s, 2 s, ... when lost.
    Ms handshake() {
        Ms total{0};
        for (int leg = 0; leg < (profile_.both_ways ? 2 : 1); ++leg) {
            Ms backoff{1000};
            while (chance(profile_.loss)) {
                ++counters_.lost;
                total += backoff;
                backoff *= 2;
            }
            total += one_way();
        }
        return total;
    }

private:
    const LinkProfile& profile_;
    std::mt19937_64& random_;
    LinkCounters& counters_;
};

bool send_all(int fd, const std::string& data) {
    for (std::size_t done = 0; done < data.size();) {
        const ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += std::size_t(n);
    }
    return true;
}

bool sleep_unless_stopping(SteadyClock::time_point until, const std::atomic<bool>& stopping) {
    while (SteadyClock::now() < until) {
        if (stopping) return false;
        const auto left = std::chrono::duration_cast<Ms>(until - SteadyClock::now());
        ::poll(nullptr, 0, int(std::clamp<long long>(left.count(), 0, kSliceMs)));
    }
    return !stopping;
}

}  // namespace

Ms handshake_time(const LinkProfile& profile, std::mt19937_64& random, LinkCounters& counters) {
    return Link(profile, random, counters).handshake();
}

bool wait_out(Ms duration, const std::atomic<bool>& stopping) {
    return sleep_unless_stopping(SteadyClock::now() + duration, stopping);
}

Ms LinkProfile::retransmit_timeout() const { return std::max(Ms(200), round_trip() + 4 * jitter); }

void pump_through_link(int a, int b, const LinkProfile& profile, std::mt19937_64& random,
                       const std::atomic<bool>& stopping, LinkCounters& counters) {
    Link link(profile, random, counters);
    Direction ways[2];
    ways[0].from = a;
    ways[0].to = b;
    ways[1].from = b;
    ways[1].to = a;
    ways[1].impaired = profile.both_ways;
    std::string buffer(std::max<std::size_t>(1, profile.segment_bytes), '\0');
    while (!stopping && !(ways[0].done && ways[1].done)) {
        // Deliver what has arrived.
        const auto now = SteadyClock::now();
        for (Direction& d : ways) {
            while (!d.in_flight.empty() && d.in_flight.front().deliver_at <= now) {
                if (!send_all(d.to, d.in_flight.front().bytes)) return;  // the receiver is gone
                d.in_flight_bytes -= d.in_flight.front().bytes.size();
                d.in_flight.pop_front();
            }
            if (d.source_closed && d.in_flight.empty() && !d.done) {
                ::shutdown(d.to, SHUT_WR);
                d.done = true;
            }
        }
        // Read only what the window lets onto the link.
        pollfd ends[2];
        int watched = 0;
        Direction* watching[2];
        for (Direction& d : ways) {
            if (d.source_closed || d.in_flight_bytes >= profile.window_bytes) continue;
            ends[watched] = {d.from, POLLIN, 0};
            watching[watched++] = &d;
        }
        auto wake = now + Ms(kSliceMs);
        for (const Direction& d : ways)
            if (!d.in_flight.empty()) wake = std::min(wake, d.in_flight.front().deliver_at);
        const int wait_ms =
            int(std::clamp<long long>(std::chrono::ceil<Ms>(wake - SteadyClock::now()).count(), 0, kSliceMs));
        const int ready = ::poll(watched ? ends : nullptr, nfds_t(watched), wait_ms);
        if (ready < 0 && errno != EINTR) return;
        for (int i = 0; i < watched && ready > 0; ++i) {
            if (!ends[i].revents) continue;
            Direction& d = *watching[i];
            const std::size_t room = std::min(buffer.size(), profile.window_bytes - d.in_flight_bytes);
            const ssize_t n = ::recv(d.from, buffer.data(), room, 0);
            if (n == 0) {
                d.source_closed = true;
            } else if (n < 0) {
                if (errno == EINTR || errno == EAGAIN) continue;
                return;  // reset: the connection is gone both ways
            } else {
                link.schedule(d, buffer.substr(0, std::size_t(n)));
            }
        }
    }
}

}  // namespace selfcheck::testing
