#include "kiosk/sync/batch_sizer.h"

#include <algorithm>

namespace selfcheck {

BatchSizer::BatchSizer(std::size_t most, std::chrono::milliseconds grow_below)
    : most_(std::max<std::size_t>(1, most)), grow_below_(grow_below), size_(most_) {}

void BatchSizer::got_through(std::chrono::milliseconds took) {
    if (took < grow_below_) size_ = std::min(most_, size_ + std::max<std::size_t>(1, size_ / 4));
}

void BatchSizer::timed_out() { size_ = std::max<std::size_t>(1, size_ / 2); }

void BatchSizer::too_large(std::size_t sent) {
    most_ = std::max<std::size_t>(1, sent / 2);  // never grows past what the collector refused
    size_ = std::min(size_, most_);
}

}  // namespace selfcheck
