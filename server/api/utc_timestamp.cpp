#include "server/api/utc_timestamp.h"

#include <ctime>

namespace collector {

std::string format_utc_timestamp(std::chrono::system_clock::time_point when) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    gmtime_r(&seconds, &utc);  // gmtime() shares a static buffer across HTTP worker threads
    char text[sizeof "YYYY-MM-DDTHH:MM:SSZ"];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

}  // namespace collector
