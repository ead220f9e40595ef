#include "server/reports/report_params.h"

#include "protocol/content/identifiers.h"

#include <charconv>

namespace selfcheck::collector {
namespace {

constexpr std::int64_t kMaxK = 1000;

bool digits(const std::string& text, std::size_t from, std::size_t count, int& value) {
    value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

}  // namespace

bool is_iso_date(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    int year = 0, month = 0, day = 0;
    if (!digits(text, 0, 4, year) || !digits(text, 5, 2, month) || !digits(text, 8, 2, day)) return false;
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

ReportParamsResult parse_report_params(const std::multimap<std::string, std::string>& params, std::int64_t min_k) {
    ReportParamsResult result;
    auto fail = [&](const std::string& error) {
        result.error = error;
        return result;
    };
    for (const auto& [name, value] : params) {
        if (name != "from" && name != "to" && name != "site" && name != "k") {
            return fail(name + ": unknown parameter (expected from, to, site, k)");
        }
        if (params.count(name) > 1) return fail(name + ": given more than once");
    }
    ReportRequest request;
    request.k = min_k;
    for (const char* name : {"from", "to"}) {
        const auto found = params.find(name);
        if (found == params.end()) return fail(std::string(name) + ": required (YYYY-MM-DD)");
        if (!is_iso_date(found->second)) {
            return fail(std::string(name) + ": expected a date YYYY-MM-DD, got '" + found->second.substr(0, 40) + "'");
        }
        (std::string(name) == "from" ? request.filter.from : request.filter.to) = found->second;
    }
    if (request.filter.from > request.filter.to) return fail("to: must not be before from");
    if (const auto site = params.find("site"); site != params.end() && !site->second.empty()) {
        if (!is_slug(site->second)) {
            return fail("site: expected 1-64 characters from a-z 0-9 - _, got '" + site->second.substr(0, 70) + "'");
        }
        request.filter.site = site->second;
    }
    if (const auto k = params.find("k"); k != params.end()) {
        const std::string& text = k->second;
        std::int64_t value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < min_k ||
            value > kMaxK) {
            return fail("k: expected a whole number from " + std::to_string(min_k) + " to " + std::to_string(kMaxK) +
                        ", got '" + text.substr(0, 20) + "'");
        }
        request.k = value;
    }
    result.request = request;
    return result;
}

}  // namespace selfcheck::collector
