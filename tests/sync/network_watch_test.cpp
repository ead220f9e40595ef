// network_watch on a fake /sys/class/net: loopback ignored, operstate read, a new interface
// up noticed.
#include "kiosk/sync/network_watch.h"

#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using namespace selfcheck::testing;

namespace {

void interface(const TempDir& sys, const std::string& name, const std::string& operstate) {
    sys.write(name + "/operstate", operstate + "\n");  // the kernel ends it with a newline
}

}  // namespace

TEST_CASE("interfaces_up lists interfaces whose operstate is up, never lo") {
    TempDir sys;
    interface(sys, "lo", "unknown");
    interface(sys, "eth0", "down");
    interface(sys, "wlan0", "up");
    interface(sys, "usb0", "up");
    interface(sys, "wwan0", "dormant");
    sys.write("bonding_masters", "");                          // a plain file sits there on real systems
    std::filesystem::create_directories(sys.path() / "sit0");  // no operstate file at all
    CHECK(interfaces_up(sys.path()) == std::set<std::string>{"usb0", "wlan0"});

    interface(sys, "lo", "up");  // even when it says up
    CHECK(interfaces_up(sys.path()).count("lo") == 0);
}

TEST_CASE("interfaces_up follows operstate as it changes") {
    TempDir sys;
    interface(sys, "wlan0", "down");
    CHECK(interfaces_up(sys.path()).empty());
    interface(sys, "wlan0", "up");
    CHECK(interfaces_up(sys.path()) == std::set<std::string>{"wlan0"});
}

TEST_CASE("interfaces_up of a missing directory is empty, not an error") {
    TempDir sys;
    CHECK(interfaces_up(sys.path() / "absent").empty());
}

TEST_CASE("network_came_up is true only for an interface newly up") {
    CHECK(network_came_up({}, {"wlan0"}));
    CHECK(network_came_up({"eth0"}, {"eth0", "usb0"}));
    CHECK(network_came_up({"wlan0"}, {"usb0"}));  // Wi-Fi lost, a phone's hotspot joined
    CHECK_FALSE(network_came_up({"wlan0"}, {"wlan0"}));
    CHECK_FALSE(network_came_up({"wlan0", "eth0"}, {"wlan0"}));  // one went down: nothing new
    CHECK_FALSE(network_came_up({}, {}));
}
