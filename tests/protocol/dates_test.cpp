// Dates as records carry them (protocol/time/dates.h): the Hong Kong date whatever the host's
// zone, calendar dates only.
#include "protocol/time/dates.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>
#include <string>

using namespace selfcheck;

namespace {

// 2026-11-30T19:59:00Z is 03:59 on 1 December in Hong Kong (UTC+8).
SystemTime at(long long unix_seconds) { return SystemTime(std::chrono::seconds(unix_seconds)); }
constexpr long long kUtc1959OnNov30 = 1796068740;

// Runs `body` with the host set to another time zone, as a kiosk or collector left on UTC is.
template <typename Body>
void in_host_zone(const char* zone, Body body) {
    const char* was = std::getenv("TZ");
    const std::string saved = was ? was : "";
    setenv("TZ", zone, 1);
    tzset();
    body();
    if (was)
        setenv("TZ", saved.c_str(), 1);
    else
        unsetenv("TZ");
    tzset();
}

}  // namespace

TEST_CASE("the completion date is Hong Kong's, whatever zone the host is in") {
    for (const char* zone : {"UTC", "America/Los_Angeles", "Asia/Jakarta", "Asia/Manila", "Pacific/Kiritimati"}) {
        in_host_zone(zone, [] {
            INFO("host zone " << std::getenv("TZ"));
            CHECK(hong_kong_date(at(kUtc1959OnNov30)) == "2026-12-01");             // 03:59 HKT
            CHECK(hong_kong_date(at(kUtc1959OnNov30 - 4 * 3600)) == "2026-11-30");  // 23:59 HKT
            CHECK(hong_kong_minute(at(kUtc1959OnNov30)) == "2026-12-01 03:59");
        });
    }
}

TEST_CASE("UTC timestamps are whole seconds with a Z") {
    CHECK(utc_timestamp(at(kUtc1959OnNov30)) == "2026-11-30T19:59:00Z");
}

TEST_CASE("calendar dates: shape, leap years, and adding days across months and years") {
    CHECK(is_calendar_date("2028-02-29"));
    CHECK(is_calendar_date("2000-02-29"));
    CHECK_FALSE(is_calendar_date("1900-02-29"));
    CHECK_FALSE(is_calendar_date("2026-04-31"));
    CHECK_FALSE(is_calendar_date("0000-01-01"));
    CHECK_FALSE(is_calendar_date("2026-4-01x"));
    CHECK(has_date_shape("9999-99-99"));
    CHECK_FALSE(has_date_shape("2026-11-22T10:00"));
    CHECK(add_days("2026-12-31", 1) == "2027-01-01");
    CHECK(add_days("2028-02-28", 1) == "2028-02-29");
    CHECK(add_days("2026-03-01", -1) == "2026-02-28");
    CHECK(add_days("2026-12-01", -365) == "2025-12-01");
    CHECK_FALSE(add_days("2026-02-30", 1));
}
