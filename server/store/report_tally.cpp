#include "server/store/report_tally.h"

namespace selfcheck::collector {
namespace {

int number(const std::string& text, std::size_t at, std::size_t length) { return std::stoi(text.substr(at, length)); }

std::string month_text(int year, int month) {
    std::string text = std::to_string(year);
    text.insert(0, text.size() < 4 ? 4 - text.size() : 0, '0');
    return text + (month < 10 ? "-0" : "-") + std::to_string(month);
}

// "YYYY-MM" moved by one month.
std::string next_month(const std::string& month) {
    const int y = number(month, 0, 4), m = number(month, 5, 2);
    return m == 12 ? month_text(y + 1, 1) : month_text(y, m + 1);
}
std::string previous_month(const std::string& month) {
    const int y = number(month, 0, 4), m = number(month, 5, 2);
    return m == 1 ? month_text(y - 1, 12) : month_text(y, m - 1);
}

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

void TallyCount::add(std::int64_t n, const std::string& first_of_added) {
    if (count == 0 || first_of_added < first) first = first_of_added;
    count += n;
}

void tally_record(const Tallier& tallier, const Record& record, PeriodTallies& days, PeriodTallies& months) {
    const std::string first = record.completed_on + record.record_id;
    Tallies cells;
    tallier.tally(record, first, cells);
    const std::string month = record.completed_on.substr(0, 7);
    for (const auto& [cell, count] : cells) {
        days[PeriodCell{record.completed_on, record.site, cell}].add(count.count, count.first);
        months[PeriodCell{month, record.site, cell}].add(count.count, count.first);
    }
}

TallyRange tally_range(const RecordFilter& filter) {
    TallyRange range{filter.from, filter.to, {}, {}, {}, {}, filter.site};
    const std::string from_month = filter.from.substr(0, 7), to_month = filter.to.substr(0, 7);
    range.first_month = filter.from.substr(8, 2) == "01" ? from_month : next_month(from_month);
    const bool to_month_end =
        number(filter.to, 8, 2) == days_in_month(number(filter.to, 0, 4), number(filter.to, 5, 2));
    range.last_month = to_month_end ? to_month : previous_month(to_month);
    if (range.first_month <= range.last_month) {
        range.whole_from = range.first_month + "-01";
        range.past_to = next_month(range.last_month) + "-01";
    }  // else no whole month: every day of the range is read from tally_days
    return range;
}

const char* const kTallyRangeRowsSql =
    "SELECT form_id, language, nationality, kind, item, value, count, first FROM tally_months"
    " WHERE month >= $3 AND month <= $4 AND ($7 = '' OR site = $7)"
    " UNION ALL"
    " SELECT form_id, language, nationality, kind, item, value, count, first FROM tally_days"
    " WHERE day >= $1 AND day <= $2 AND (day < $5 OR day >= $6) AND ($7 = '' OR site = $7)";

const char* const kTallyRangeSql =
    "SELECT form_id, language, nationality, kind, item, value, sum(count), min(first) FROM ("
    " SELECT form_id, language, nationality, kind, item, value, count, first FROM tally_months"
    "  WHERE month >= $3 AND month <= $4 AND ($7 = '' OR site = $7)"
    " UNION ALL"
    " SELECT form_id, language, nationality, kind, item, value, count, first FROM tally_days"
    "  WHERE day >= $1 AND day <= $2 AND (day < $5 OR day >= $6) AND ($7 = '' OR site = $7)"
    ") AS counted GROUP BY form_id, language, nationality, kind, item, value";

std::string tally_upsert_sql(const std::string& table, const std::string& period, const std::string& least,
                             std::size_t rows) {
    std::string sql = "INSERT INTO " + table + " (" + period +
                      ", site, form_id, language, nationality, kind, item, value, count, first) VALUES ";
    for (std::size_t row = 0; row < rows; ++row) {
        sql += row == 0 ? "(" : ", (";
        for (std::size_t column = 1; column <= kTallyUpsertColumns; ++column) {
            sql +=
                "$" + std::to_string(row * kTallyUpsertColumns + column) + (column == kTallyUpsertColumns ? ")" : ", ");
        }
    }
    return sql + " ON CONFLICT (" + period +
           ", site, form_id, language, nationality, kind, item, value) DO UPDATE SET count = " + table +
           ".count + excluded.count, first = " + least + "(" + table + ".first, excluded.first)";
}

std::vector<std::string> tally_upsert_values(const PeriodCell& key, const TallyCount& count) {
    const TallyCell& cell = key.cell;
    return {key.period,    key.site,         cell.form_id,
            cell.language, cell.nationality, cell.kind,
            cell.item,     cell.value,       std::to_string(count.count),
            count.first};
}

}  // namespace selfcheck::collector
