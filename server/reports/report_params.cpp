#include "server/reports/report_params.h"

#include "protocol/content/identifiers.h"
#include "protocol/time/dates.h"

#include <charconv>

namespace selfcheck::collector {
namespace {

constexpr std::int64_t kMaxK = 1000;

}  // namespace

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
        if (!is_calendar_date(found->second)) {
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
