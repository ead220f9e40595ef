#include "protocol/time/dates.h"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <ctime>
#include <memory>
#include <stdexcept>

namespace selfcheck {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int digits(std::string_view text, size_t at, size_t count) {
    int value = 0;
    for (size_t i = at; i < at + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

struct HongKongFields {
    int year, month, day, hour, minute;
};

// The wall-clock fields in Hong Kong at `when`, from ICU's zone data, not the host's tzdata.
HongKongFields hong_kong_fields(SystemTime when) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone("Asia/Hong_Kong"));
    icu::GregorianCalendar calendar(zone.release(), status);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()).count();
    calendar.setTime(static_cast<UDate>(millis), status);
    HongKongFields fields{calendar.get(UCAL_YEAR, status), calendar.get(UCAL_MONTH, status) + 1,
                          calendar.get(UCAL_DATE, status), calendar.get(UCAL_HOUR_OF_DAY, status),
                          calendar.get(UCAL_MINUTE, status)};
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("the Hong Kong date could not be worked out (ICU: ") +
                                 u_errorName(status) + ")");
    return fields;
}

}  // namespace

bool has_date_shape(std::string_view text) {
    if (text.size() != 10) return false;
    for (size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 4 || i == 7;
        if (dash ? text[i] != '-' : !is_digit(text[i])) return false;
    }
    return true;
}

bool is_calendar_date(std::string_view text) {
    if (!has_date_shape(text)) return false;
    const int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::string hong_kong_date(SystemTime when) {
    const HongKongFields f = hong_kong_fields(when);
    char text[40];  // room for any int, so the compiler knows nothing is cut
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", f.year, f.month, f.day);
    return text;
}

std::string hong_kong_today() { return hong_kong_date(std::chrono::system_clock::now()); }

std::string hong_kong_minute(SystemTime when) {
    const HongKongFields f = hong_kong_fields(when);
    char text[48];  // room for any int
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d", f.year, f.month, f.day, f.hour, f.minute);
    return text;
}

std::string utc_timestamp(SystemTime when) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    gmtime_r(&seconds, &utc);  // gmtime() shares a static buffer across threads
    char text[sizeof "YYYY-MM-DDTHH:MM:SSZ"];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string utc_timestamp_now() { return utc_timestamp(std::chrono::system_clock::now()); }

std::optional<std::string> add_days(std::string_view date, int days) {
    if (!is_calendar_date(date)) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar calendar(icu::TimeZone::getGMT()->clone(), status);
    calendar.clear();
    calendar.set(digits(date, 0, 4), digits(date, 5, 2) - 1, digits(date, 8, 2));
    calendar.add(UCAL_DATE, days, status);
    const int year = calendar.get(UCAL_YEAR, status), month = calendar.get(UCAL_MONTH, status) + 1,
              day = calendar.get(UCAL_DATE, status);
    if (U_FAILURE(status) || calendar.get(UCAL_ERA, status) != icu::GregorianCalendar::AD) return std::nullopt;
    char text[40];  // room for any int, so the compiler knows nothing is cut
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    return std::string(text);
}

}  // namespace selfcheck
