#pragma once
#include <string>

namespace selfcheck {
// Today's date on this device's clock and time zone, YYYY-MM-DD (never a time of day).
std::string local_date_today();
}  // namespace selfcheck
