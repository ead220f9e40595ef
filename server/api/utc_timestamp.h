#pragma once

#include <chrono>
#include <string>

namespace collector {

// "YYYY-MM-DDTHH:MM:SSZ" in UTC, whole seconds.
std::string format_utc_timestamp(std::chrono::system_clock::time_point when);

}  // namespace collector
