#include "protocol/content/dated_values.h"

#include "protocol/time/dates.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <stdexcept>

namespace selfcheck {
namespace {

// `date` + `months` calendar months, the day clamped to the month's length (2024-01-31 + 1
// month = 2024-02-29). `date` is a calendar date.
std::string add_months(const std::string& date, int months) {
    int year = std::stoi(date.substr(0, 4)), month = std::stoi(date.substr(5, 2)), day = std::stoi(date.substr(8, 2));
    const int total = year * 12 + (month - 1) + months;
    year = total / 12;
    month = total % 12 + 1;
    char text[40];             // room for any int, so the compiler sees no truncation
    for (; day > 28; --day) {  // the last day that exists in the new month
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
        if (is_calendar_date(text)) return text;
    }
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    return text;
}

std::string shifted(const std::string& date, int days) {
    const std::optional<std::string> out = add_days(date, days);
    if (!out) throw std::invalid_argument("date arithmetic left the calendar at " + date);
    return *out;
}

// The last day a contract signed on `last_signing_day` may run under `rule`.
std::string last_day_of_contract_signed(const RunningContractRule& rule, const std::string& last_signing_day) {
    const std::string latest_start = shifted(last_signing_day, rule.latest_start_days);
    return shifted(add_months(latest_start, rule.contract_months), -1);
}

const DatedValue* find_series(const Content& content, const std::string& name) {
    for (const auto& series : content.dated_values)
        if (series.name == name) return &series;
    return nullptr;
}

}  // namespace

std::set<std::string> dated_names(const Content& content) {
    std::set<std::string> names;
    for (const auto& series : content.dated_values) names.insert(series.name);
    for (const auto& rule : content.running_rules) names.insert(rule.name);
    return names;
}

std::string last_running_day(const RunningContractRule& rule, const DatedValue& series, size_t index) {
    if (index + 1 >= series.steps.size()) return "";
    return last_day_of_contract_signed(rule, shifted(series.steps[index + 1].from, -1));
}

DatedNumbers dated_numbers_on(const Content& content, std::string_view date_view) {
    if (!is_calendar_date(date_view))
        throw std::invalid_argument("dated values: '" + std::string(date_view) + "' is not a date YYYY-MM-DD");
    const std::string date(date_view);
    DatedNumbers out;
    for (const auto& series : content.dated_values) {
        const DatedStep* in_force = nullptr;
        for (const auto& step : series.steps)
            if (step.from <= date) in_force = &step;  // YYYY-MM-DD compares as text
        if (in_force) out[series.name] = in_force->value;
    }
    for (const auto& rule : content.running_rules) {
        const DatedValue* series = find_series(content, rule.of);
        if (!series || series->steps.empty() || date < series->steps.front().from) continue;
        // A contract signed the day before the table starts, at a rate it does not hold, may
        // still be running: then the lowest running rate is not known.
        const std::string before_table = shifted(series->steps.front().from, -1);
        if (date <= last_day_of_contract_signed(rule, before_table)) continue;
        std::optional<int> lowest;
        for (size_t i = 0; i < series->steps.size(); ++i) {
            if (series->steps[i].from > date) break;
            const std::string last = last_running_day(rule, *series, i);
            if (!last.empty() && date > last) continue;  // every contract at this rate has ended
            lowest = std::min(lowest.value_or(series->steps[i].value), series->steps[i].value);
        }
        if (lowest) out[rule.name] = *lowest;
    }
    return out;
}

Constants numbers_on(const Content& content, std::string_view date) {
    Constants all = content.constants;
    for (const auto& [name, value] : dated_numbers_on(content, date)) all[name] = value;
    return all;
}

}  // namespace selfcheck
