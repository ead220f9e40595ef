#include "local_date.h"

#include <ctime>

namespace selfcheck {

std::string local_date_today() {
    std::time_t now = std::time(nullptr);
    std::tm parts{};
    localtime_r(&now, &parts);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &parts);
    return text;
}

}  // namespace selfcheck
