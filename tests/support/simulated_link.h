#pragma once
// A bad mobile link between two connected sockets, in user space (this kernel has no netem).
// Like netem on the kiosk's interface, it impairs what the kiosk sends (requests); answers
// come back unimpaired unless `both_ways` (then both directions suffer it all, and the
// round trip is twice the delay). An impaired direction is a TCP byte stream cut into
// segments of `segment_bytes`; a segment:
// - waits for the link to be free at `bandwidth_bytes_per_s` (0: no limit);
// - travels `delay` ± `jitter` (uniform), one way;
// - with probability `loss` is lost and sent again one retransmission timeout later (RTO:
//   the round trip plus four jitters, at least 200 ms, doubling for each loss of the same
//   segment, as TCP backs off), and that copy may be lost too;
// - with probability `reorder` is held back one more `delay`, so later segments overtake it.
// TCP hands the application bytes in order, so a segment is delivered only after every one
// before it: a lost or overtaken segment holds up those behind it, as on a real link.
// At most `window_bytes` per direction are in flight: past that the pump stops reading, so
// the sender's TCP sees its bytes acknowledged only at the link's pace (a small window
// stands for the congestion window a lossy link keeps small). A new connection first waits
// out a handshake (handshake_time): the SYN and its answer, each on its way as a segment
// is, and resent after 1 s, 2 s, 4 s ... when lost.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <random>

namespace selfcheck::testing {

struct LinkProfile {
    double loss = 0;  // 0..1, per segment and direction
    std::chrono::milliseconds delay{0};
    std::chrono::milliseconds jitter{0};
    double reorder = 0;                      // 0..1
    std::int64_t bandwidth_bytes_per_s = 0;  // 0: unlimited
    std::size_t segment_bytes = 1400;
    std::size_t window_bytes = 8 * 1400;
    bool both_ways = false;
    std::chrono::milliseconds round_trip() const { return both_ways ? 2 * delay : delay; }
    std::chrono::milliseconds retransmit_timeout() const;
};

// Counts over every connection the pump carried, for a test to report.
struct LinkCounters {
    std::atomic<std::uint64_t> segments{0};
    std::atomic<std::uint64_t> lost{0};  // transmissions lost (a segment may be lost twice)
    std::atomic<std::uint64_t> reordered{0};
    std::atomic<std::uint64_t> bytes{0};
};

// How long a new connection's handshake takes on the link, drawn afresh each call.
std::chrono::milliseconds handshake_time(const LinkProfile& link, std::mt19937_64& random, LinkCounters& counters);

// Sleeps `duration` unless `stopping` is set meanwhile; false when it was.
bool wait_out(std::chrono::milliseconds duration, const std::atomic<bool>& stopping);

// Carries bytes both ways between `a` and `b` through the simulated link until either side
// closes or resets (then the other is closed once what was in flight to it is delivered, or
// at once on a reset), or `stopping` is set. Blocks; closes neither socket.
void pump_through_link(int a, int b, const LinkProfile& link, std::mt19937_64& random,
                       const std::atomic<bool>& stopping, LinkCounters& counters);

}  // namespace selfcheck::testing
