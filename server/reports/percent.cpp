#include "server/reports/percent.h"

namespace selfcheck::collector {

std::string percent_half_up(std::int64_t count, std::int64_t of) {
    // tenths of a percent = round(count * 1000 / of), halves up.
    const std::int64_t tenths = (count * 2000 + of) / (2 * of);
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

std::optional<std::string> percent_text(const Count& count, const Count& of) {
    if (count.suppressed || of.suppressed || of.value <= 0) return std::nullopt;
    return percent_half_up(count.value, of.value);
}

}  // namespace selfcheck::collector
