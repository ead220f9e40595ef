#include "kiosk/sync/network_watch.h"

#include <fstream>

namespace selfcheck {

std::set<std::string> interfaces_up(const std::filesystem::path& sys_class_net) {
    std::set<std::string> up;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(sys_class_net, error)) {
        const std::string name = entry.path().filename().string();
        if (name == "lo") continue;
        std::ifstream state(entry.path() / "operstate");
        std::string word;
        if (state >> word && word == "up") up.insert(name);
    }
    return up;
}

bool network_came_up(const std::set<std::string>& before, const std::set<std::string>& now) {
    for (const auto& name : now)
        if (!before.count(name)) return true;
    return false;
}

}  // namespace selfcheck
