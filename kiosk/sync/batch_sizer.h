#pragma once
// How many records the next batch carries: it follows what gets through. A batch that timed
// out, stalled or was cut halves the size, down to one record; one that got through quickly
// grows it back by a quarter (at least one), up to the most. Pure; the worker holds one.
#include <chrono>
#include <cstddef>

namespace selfcheck {

class BatchSizer {
public:
    // `most`: the largest batch; `grow_below`: a batch that took this long or more is not
    // followed by a bigger one (it is near what the link carries in one request).
    BatchSizer(std::size_t most, std::chrono::milliseconds grow_below);

    std::size_t size() const { return size_; }
    std::size_t most() const { return most_; }
    void got_through(std::chrono::milliseconds took);
    void timed_out();  // also: reset, cut, 408
    // The collector said 413: at most half of `sent` from now on.
    void too_large(std::size_t sent);

private:
    std::size_t most_;
    std::chrono::milliseconds grow_below_;
    std::size_t size_;
};

}  // namespace selfcheck
