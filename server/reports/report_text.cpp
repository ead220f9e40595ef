#include "server/reports/report_text.h"

#include "server/reports/percent.h"
#include "server/reports/report_builder.h"

#include <algorithm>
#include <vector>

namespace selfcheck::collector {
namespace {

using Row = std::vector<std::string>;

// Display width: UTF-8 continuation bytes take no column (CJK labels come out a little
// narrow, which a terminal table can live with).
std::size_t width(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string table(const std::vector<Row>& rows) {
    std::vector<std::size_t> widths;
    for (const Row& row : rows) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));
    }
    std::string out;
    for (const Row& row : rows) {
        std::string line = " ";
        for (std::size_t i = 0; i < row.size(); ++i) {
            const std::string pad(widths[i] - width(row[i]), ' ');
            line += " " + (i == 0 ? row[i] + pad : pad + row[i]);
        }
        out += line + "\n";
    }
    return out;
}

std::string count_text(const Count& count) { return count.suppressed ? "suppressed" : with_thousands(count.value); }

std::string figure(const Count& count, const Count& of) {
    if (count.suppressed) return "suppressed";
    const std::optional<std::string> part = percent_text(count, of);
    return with_thousands(count.value) + (part ? " (" + *part + "%)" : "");
}

}  // namespace

std::string report_to_text(const Report& report) {
    std::string out = "Report on " + report.form_id + ", " + report.filter.from + " to " + report.filter.to + ", " +
                      (report.filter.site.empty() ? "all sites" : "site " + report.filter.site) +
                      "; cells of fewer than " + std::to_string(report.k) + " are suppressed\n";
    out += "Respondents: " + count_text(report.respondents) + "\n" + report.headline + "\n";
    if (report.other_form_records > 0) {
        out += with_thousands(report.other_form_records) + " records of another form are not counted\n";
    }

    std::vector<Row> levels = {{"Result level", "Count (%)"}};
    for (const LevelCount& level : report.levels)
        levels.push_back({level.label, figure(level.count, report.respondents)});
    out += "\n" + table(levels);

    for (const DimensionReport& dimension : report.dimensions) {
        std::vector<Row> rows = {{dimension.label, "Raised (%)"}};
        for (const IndicatorCount& indicator : dimension.indicators) {
            rows.push_back({indicator.label, figure(indicator.count, report.respondents)});
        }
        out += "\n" + table(rows);
    }

    for (const QuestionReport& question : report.questions) {
        out += "\n" + question.text + " [" + question.id + "]\n";
        Row head = {"Group", "Answered"};
        head.insert(head.end(), question.code_labels.begin(), question.code_labels.end());
        head.push_back("Chose not to answer");
        std::vector<Row> rows = {head};
        const auto add = [&](const std::string& prefix, const AnswerColumn& column) {
            Row row = {prefix + column.group_label, count_text(column.answered)};
            for (const Count& count : column.by_code) row.push_back(figure(count, column.answered));
            row.push_back(count_text(column.declined));
            rows.push_back(std::move(row));
        };
        add("", question.overall);
        for (const Breakdown& breakdown : question.breakdowns) {
            for (const AnswerColumn& column : breakdown.columns) add(breakdown.by + ": ", column);
        }
        out += table(rows);
    }
    return out;
}

}  // namespace selfcheck::collector
