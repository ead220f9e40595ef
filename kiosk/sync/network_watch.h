#pragma once
// Notices when a network comes back (Wi-Fi rejoined, a phone's hotspot switched on), so the
// sync worker can try at once instead of waiting out its back-off. Reads Linux's
// /sys/class/net: cheap enough to poll every few seconds.
#include <filesystem>
#include <set>
#include <string>

namespace selfcheck {

// Names of the interfaces, loopback aside, whose operstate is "up".
std::set<std::string> interfaces_up(const std::filesystem::path& sys_class_net = "/sys/class/net");

// True when `now` has an interface up that `before` did not.
bool network_came_up(const std::set<std::string>& before, const std::set<std::string>& now);

}  // namespace selfcheck
