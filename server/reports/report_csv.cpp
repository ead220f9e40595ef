#include "server/reports/report_csv.h"

#include "server/reports/percent.h"

#include <vector>

namespace selfcheck::collector {
namespace {

std::string count_text(const Count& count) { return count.suppressed ? "suppressed" : std::to_string(count.value); }

std::string percent_cell(const Count& count, const Count& of) {
    if (count.suppressed || of.suppressed) return "suppressed";
    return percent_text(count, of).value_or("");
}

class CsvWriter {
public:
    void row(const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i > 0) out_ += ',';
            out_ += csv_field(fields[i]);
        }
        out_ += "\r\n";
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_ = kUtf8Bom;
};

void answer_rows(CsvWriter& csv, const QuestionReport& question, const std::string& breakdown,
                 const AnswerColumn& column) {
    for (std::size_t c = 0; c < question.codes.size(); ++c) {
        csv.row({"answer", question.id, question.text, breakdown, column.group, column.group_label, question.codes[c],
                 question.code_labels[c], count_text(column.by_code[c]), count_text(column.answered),
                 percent_cell(column.by_code[c], column.answered)});
    }
    // Asked but chose not to answer: not part of "answered", so no share of it.
    csv.row({"answer", question.id, question.text, breakdown, column.group, column.group_label, "declined",
             "Chose not to answer", count_text(column.declined), "", ""});
}

}  // namespace

std::string csv_field(const std::string& text) {
    std::string value = text;
    if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@')) {
        value.insert(value.begin(), '\'');
    }
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string report_to_csv(const Report& report) {
    CsvWriter csv;
    csv.row({"table", "item_id", "item", "breakdown", "group", "group_label", "value_id", "value_label", "count", "of",
             "percent"});
    auto meta = [&](const std::string& id, const std::string& value) {
        csv.row({"report", report.form_id, "", "", "", "", id, value, "", "", ""});
    };
    meta("from", report.filter.from);
    meta("to", report.filter.to);
    meta("site", report.filter.site.empty() ? "all sites" : report.filter.site);
    meta("k", std::to_string(report.k));
    csv.row({"report", report.form_id, "", "", "", "", "respondents", "", count_text(report.respondents), "", ""});
    meta("headline", report.headline);

    for (const LevelCount& level : report.levels) {
        csv.row({"result_level", "", "", "all", "all", "All", level.id, level.label, count_text(level.count),
                 count_text(report.respondents), percent_cell(level.count, report.respondents)});
    }
    for (const DimensionReport& dimension : report.dimensions) {
        for (const IndicatorCount& indicator : dimension.indicators) {
            csv.row({"indicator", dimension.id, dimension.label, "all", "all", "All", indicator.id, indicator.label,
                     count_text(indicator.count), count_text(report.respondents),
                     percent_cell(indicator.count, report.respondents)});
        }
    }
    for (const QuestionReport& question : report.questions) {
        answer_rows(csv, question, "all", question.overall);
        for (const Breakdown& breakdown : question.breakdowns) {
            for (const AnswerColumn& column : breakdown.columns) answer_rows(csv, question, breakdown.by, column);
        }
    }
    return csv.take();
}

}  // namespace selfcheck::collector
