#pragma once
// Report tallies: counts the store keeps as records arrive, so a report reads a few thousand
// counts instead of every record. What a record adds (its cells) is decided by a Tallier the
// reports side provides (server/reports/record_tallier.h), because it depends on the form
// (which questions are asked under the skip logic); the store keeps the counts per day and
// per month, in the same transaction as the record, together with the tallier's fingerprint.
// Tallies made under another fingerprint (or missed by a store without a tallier) are stale:
// reports then count the records again until rebuild_tallies() has run.

#include "protocol/record/record.h"
#include "server/store/report_query.h"

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace selfcheck::collector {

// One counted cell, whatever the day or site: "records of this form, language and
// nationality (the raw answer) that have `kind`/`item`/`value`".
struct TallyCell {
    std::string form_id;
    std::string language;
    std::string nationality;
    std::string kind;   // see record_tallier.h
    std::string item;   // an indicator or question id
    std::string value;  // a level or an answer code
    auto fields() const { return std::tie(form_id, language, nationality, kind, item, value); }
    bool operator<(const TallyCell& other) const { return fields() < other.fields(); }
    bool operator==(const TallyCell& other) const { return fields() == other.fields(); }
};

struct TallyCount {
    std::int64_t count = 0;
    // The smallest "order key" of the records counted: completed_on then record_id in the
    // store, so a report can list values no form names in the order they first appear.
    std::string first;
    void add(std::int64_t n, const std::string& first_of_added);
};

using Tallies = std::map<TallyCell, TallyCount>;

class Tallier {
public:
    virtual ~Tallier() = default;
    // Changes whenever the cells a record adds would change (another form version).
    virtual std::string fingerprint() const = 0;
    // Adds one record's cells, each once per time the record has it.
    virtual void tally(const Record& record, const std::string& first, Tallies& into) const = 0;
};

// The key the stores keep a count under: a day ("YYYY-MM-DD") or month ("YYYY-MM"), a site, a cell.
struct PeriodCell {
    std::string period;
    std::string site;
    TallyCell cell;
    bool operator<(const PeriodCell& other) const {
        return std::tie(period, site, cell) < std::tie(other.period, other.site, other.cell);
    }
};
using PeriodTallies = std::map<PeriodCell, TallyCount>;

// Adds `record` to the day and month tallies; its order key is completed_on + record_id.
void tally_record(const Tallier& tallier, const Record& record, PeriodTallies& days, PeriodTallies& months);

// How a date range is read from the tallies: whole months from tally_months, the ragged ends
// from tally_days. Parameters $1..$7 of tally_range_sql(), in order.
struct TallyRange {
    std::string from, to;             // $1, $2: the filter's days
    std::string first_month;          // $3: first whole month, "YYYY-MM"
    std::string last_month;           // $4: last whole month (before first_month if none)
    std::string whole_from, past_to;  // $5, $6: days in [whole_from, past_to) come from months
    std::string site;                 // $7: empty for every site
};
TallyRange tally_range(const RecordFilter& filter);

// SQL shared by both stores ($n placeholders; the SQLite store turns them into ?n).
// The range's cells summed over days, months and sites: form_id, language, nationality,
// kind, item, value, count, first.
extern const char* const kTallyRangeSql;
// The same rows unsummed, for a store that sums them faster itself (SQLite's GROUP BY over a
// UNION sorts every row through a temporary index).
extern const char* const kTallyRangeRowsSql;
// Adds `rows` counts to `table` (tally_days or tally_months, period column `day` or `month`),
// each row's parameters as tally_upsert_values() gives them. `least` is the dialect's
// two-argument minimum ("min" in SQLite, "least" in PostgreSQL).
inline constexpr std::size_t kTallyUpsertColumns = 10;
std::string tally_upsert_sql(const std::string& table, const std::string& period, const std::string& least,
                             std::size_t rows);
// period, site, the cell's six fields, count, first.
std::vector<std::string> tally_upsert_values(const PeriodCell& key, const TallyCount& count);

}  // namespace selfcheck::collector
