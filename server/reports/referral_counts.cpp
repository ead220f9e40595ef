#include "server/reports/referral_counts.h"

#include "server/reports/suppression.h"

#include <map>

namespace selfcheck::collector {

void protect_referral_counts(std::vector<ReferralCount>& counts, std::int64_t k) {
    SuppressionTable table;
    std::map<std::string, std::vector<std::size_t>> by_organisation;
    std::map<std::string, std::vector<std::size_t>> by_month;
    std::map<std::string, std::int64_t> organisation_totals;
    std::map<std::string, std::int64_t> month_totals;
    std::vector<std::size_t> cells;
    for (const ReferralCount& c : counts) {
        cells.push_back(table.add_cell(c.count));
        by_organisation[c.organisation].push_back(cells.back());
        by_month[c.month].push_back(cells.back());
        organisation_totals[c.organisation] += c.count;
        month_totals[c.month] += c.count;
    }
    // The totals are not printed, but are taken as known (a caseworker knows her own
    // organisation's): audited as published, so no small cell follows from them by subtraction.
    // Kept: hiding a total would protect nothing, since it is known anyway.
    const auto add_total = [&](const std::vector<std::size_t>& members, std::int64_t total) {
        const std::size_t cell = table.add_cell(total);
        table.keep(cell);
        table.add_line(members, cell, false);
    };
    for (const auto& [organisation, members] : by_organisation) add_total(members, organisation_totals[organisation]);
    for (const auto& [month, members] : by_month) add_total(members, month_totals[month]);
    table.apply(k);
    for (std::size_t i = 0; i < counts.size(); ++i) counts[i].suppressed = table.suppressed(cells[i]);
}

std::string referral_counts_text(const std::vector<ReferralCount>& counts, std::int64_t k) {
    std::string text = "organisation\tmonth\trequests\n";
    for (const ReferralCount& c : counts)
        text += c.organisation + "\t" + c.month + "\t" +
                (c.suppressed ? "<" + std::to_string(k) : std::to_string(c.count)) + "\n";
    return text;
}

}  // namespace selfcheck::collector
