#include "server/reports/report_builder.h"

#include "protocol/content/content.h"
#include "server/reports/suppression.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <stdexcept>

namespace selfcheck::collector {
namespace {

constexpr const char* kNationalityQuestion = "nationality";
constexpr const char* kNotStated = "not_stated";

// One record as the counting needs it.
struct Respondent {
    selfcheck::Answers answers;
    std::string nationality;  // a code, or kNotStated
    std::string language;
    const Record* record;
    std::size_t nationality_group = 0;  // index into the nationality grouping's ids
    std::size_t language_group = 0;     // index into the language grouping's ids
};

// Groups of one breakdown, in the order they are shown.
struct Grouping {
    std::string by;
    std::vector<std::string> ids;
    std::vector<std::string> labels;
    std::size_t (*of)(const Respondent&);  // the respondent's group, as an index into ids
};

std::size_t nationality_of(const Respondent& respondent) { return respondent.nationality_group; }
std::size_t language_of(const Respondent& respondent) { return respondent.language_group; }

std::size_t index_in(const std::vector<std::string>& ids, const std::string& id) {
    return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
}

Grouping nationality_grouping(const selfcheck::Content& content, const ReportLabels& labels) {
    Grouping grouping{"nationality", {}, {}, nationality_of};
    if (const selfcheck::Question* question = content.form.find(kNationalityQuestion)) {
        for (const selfcheck::AnswerOption& option : question->options) {
            if (option.code == kPreferNotToSay) continue;
            grouping.ids.push_back(option.code);
            grouping.labels.push_back(labels.text(option.text_key, humanise_id(option.code)));
        }
    }
    grouping.ids.push_back(kNotStated);
    grouping.labels.push_back("Not stated");
    return grouping;
}

// The form's languages, each labelled in its own script, plus any other a record names.
Grouping language_grouping(const selfcheck::Content& content, const std::vector<Respondent>& respondents) {
    Grouping grouping{"language", {}, {}, language_of};
    for (const selfcheck::Language& language : content.form.languages) {
        grouping.ids.push_back(language.locale);
        grouping.labels.push_back(language.label);
    }
    for (const Respondent& respondent : respondents) {
        if (std::find(grouping.ids.begin(), grouping.ids.end(), respondent.language) == grouping.ids.end()) {
            grouping.ids.push_back(respondent.language);
            grouping.labels.push_back(respondent.language);
        }
    }
    return grouping;
}

// Cell indexes of one column in the suppression table.
struct ColumnCells {
    std::size_t answered;
    std::vector<std::size_t> by_code;
};

AnswerColumn read_column(const SuppressionTable& table, const ColumnCells& cells, std::string group,
                         std::string label) {
    AnswerColumn column{std::move(group), std::move(label), {}, {}};
    column.answered = Count{table.count(cells.answered), table.suppressed(cells.answered)};
    for (std::size_t cell : cells.by_code) column.by_code.push_back(Count{table.count(cell), table.suppressed(cell)});
    return column;
}

QuestionReport question_report(const selfcheck::Question& question, const ReportLabels& labels,
                               const std::vector<Respondent>& respondents, const std::vector<Grouping>& groupings,
                               std::int64_t k) {
    QuestionReport report;
    report.id = question.id;
    report.section = question.section;
    report.text = labels.text(question.text_key, humanise_id(question.id));
    for (const selfcheck::AnswerOption& option : question.options) {
        if (option.code == kPreferNotToSay) continue;
        report.codes.push_back(option.code);
        report.code_labels.push_back(labels.text(option.text_key, humanise_id(option.code)));
        if (option.code == "yes") report.yes_no = true;
    }
    const std::size_t code_count = report.codes.size();

    // counts[g][c]: column g (0 = all, then each grouping's groups in turn), code c;
    // counts[g][code_count] is the number answered.
    std::vector<std::size_t> first_column_of;
    std::size_t columns = 1;
    for (const Grouping& grouping : groupings) {
        first_column_of.push_back(columns);
        columns += grouping.ids.size();
    }
    std::vector<std::vector<std::int64_t>> counts(columns, std::vector<std::int64_t>(code_count + 1, 0));
    for (const Respondent& respondent : respondents) {
        // Asked (its skip-logic condition held) and answered with a code of this form.
        if (question.show_if && !question.show_if->holds(respondent.answers)) continue;
        const auto answer = respondent.answers.find(question.id);
        if (answer == respondent.answers.end()) continue;
        const std::string* code = std::get_if<std::string>(&answer->second);
        if (code == nullptr) continue;
        const auto at = std::find(report.codes.begin(), report.codes.end(), *code);
        if (at == report.codes.end()) continue;
        const auto c = static_cast<std::size_t>(at - report.codes.begin());
        auto tally = [&](std::size_t g) {
            ++counts[g][c];
            ++counts[g][code_count];
        };
        tally(0);
        for (std::size_t b = 0; b < groupings.size(); ++b) tally(first_column_of[b] + groupings[b].of(respondent));
    }

    SuppressionTable table;
    std::vector<ColumnCells> cells(columns);
    for (std::size_t g = 0; g < columns; ++g) {
        cells[g].answered = table.add_cell(counts[g][code_count]);
        for (std::size_t c = 0; c < code_count; ++c) cells[g].by_code.push_back(table.add_cell(counts[g][c]));
        table.add_line(cells[g].by_code, cells[g].answered, true);
    }
    for (std::size_t b = 0; b < groupings.size(); ++b) {
        const std::size_t first = first_column_of[b];
        const std::size_t size = groupings[b].ids.size();
        for (std::size_t c = 0; c <= code_count; ++c) {
            std::vector<std::size_t> row;
            for (std::size_t g = first; g < first + size; ++g)
                row.push_back(c == code_count ? cells[g].answered : cells[g].by_code[c]);
            table.add_line(std::move(row), c == code_count ? cells[0].answered : cells[0].by_code[c], false);
        }
    }
    table.apply(k);

    report.overall = read_column(table, cells[0], "all", "All");
    for (std::size_t b = 0; b < groupings.size(); ++b) {
        Breakdown breakdown{groupings[b].by, {}};
        for (std::size_t i = 0; i < groupings[b].ids.size(); ++i) {
            breakdown.columns.push_back(
                read_column(table, cells[first_column_of[b] + i], groupings[b].ids[i], groupings[b].labels[i]));
        }
        report.breakdowns.push_back(std::move(breakdown));
    }
    return report;
}

// Levels and indicators share one table, so the number of respondents is suppressed (or
// not) once for all of them.
void add_levels_and_indicators(Report& report, const selfcheck::Content& content,
                               const std::vector<Respondent>& respondents, std::int64_t k) {
    std::vector<std::string> level_ids;
    for (const selfcheck::ResultLevel& level : content.scoring.levels) level_ids.push_back(level.id);
    std::map<std::string, std::int64_t> level_counts, raised;
    for (const Respondent& respondent : respondents) {
        const std::string& level = respondent.record->result_level;
        if (std::find(level_ids.begin(), level_ids.end(), level) == level_ids.end()) level_ids.push_back(level);
        ++level_counts[level];
        for (const std::string& indicator : respondent.record->indicators) ++raised[indicator];
    }
    const auto total = static_cast<std::int64_t>(respondents.size());

    SuppressionTable table;
    const std::size_t everyone = table.add_cell(total);
    std::vector<std::size_t> level_cells;
    for (const std::string& id : level_ids) level_cells.push_back(table.add_cell(level_counts[id]));
    table.add_line(level_cells, everyone, false);
    std::map<std::string, std::size_t> raised_cell;
    for (const selfcheck::Indicator& indicator : content.indicators) {
        const std::int64_t yes = raised[indicator.id];
        const std::size_t cell = table.add_cell(yes);
        // Those without the indicator are never shown, but N minus the raised count gives them.
        table.add_line({cell, table.add_cell(total - yes)}, everyone, false);
        raised_cell[indicator.id] = cell;
    }
    table.apply(k);

    report.respondents = Count{total, table.suppressed(everyone)};
    for (std::size_t i = 0; i < level_ids.size(); ++i) {
        report.levels.push_back(LevelCount{level_ids[i], humanise_id(level_ids[i]),
                                           Count{table.count(level_cells[i]), table.suppressed(level_cells[i])}});
    }

    // Dimensions as form.yaml's signals place indicators in them; indicators.yaml's order.
    std::map<std::string, std::vector<std::string>> in_dimension;
    for (const selfcheck::Question& question : content.form.questions) {
        for (const selfcheck::Signal& signal : question.signals) {
            if (signal.indicator.empty() || signal.dimension.empty()) continue;
            std::vector<std::string>& list = in_dimension[signal.dimension];
            if (std::find(list.begin(), list.end(), signal.indicator) == list.end()) list.push_back(signal.indicator);
        }
    }
    for (const selfcheck::Dimension& dimension : content.dimensions) {
        DimensionReport dimension_report{dimension.id, humanise_id(dimension.id), {}};
        for (const selfcheck::Indicator& indicator : content.indicators) {
            const std::vector<std::string>& list = in_dimension[dimension.id];
            if (std::find(list.begin(), list.end(), indicator.id) == list.end()) continue;
            const std::size_t cell = raised_cell.at(indicator.id);
            dimension_report.indicators.push_back(IndicatorCount{indicator.id, humanise_id(indicator.id),
                                                                 Count{table.count(cell), table.suppressed(cell)}});
        }
        report.dimensions.push_back(std::move(dimension_report));
    }
}

std::string headline(const Report& report, const selfcheck::Content& content) {
    if (report.respondents.suppressed) {
        return "Fewer than " + std::to_string(report.k) + " respondents in this range: every figure is suppressed";
    }
    const std::string of = " of " + with_thousands(report.respondents.value);
    for (const selfcheck::ResultLevel& level : content.scoring.levels) {
        if (level.when != selfcheck::ResultLevel::When::AnyDimensionPositive) continue;
        for (const LevelCount& count : report.levels) {
            if (count.id != level.id) continue;
            return (count.count.suppressed ? std::string("[suppressed]") : with_thousands(count.count.value)) + of +
                   " showed signs of forced labour";
        }
    }
    return with_thousands(report.respondents.value) + " respondents";
}

}  // namespace

std::string with_thousands(std::int64_t value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3) {
        digits.insert(static_cast<std::size_t>(i), ",");
    }
    return value < 0 ? "-" + digits : digits;
}

std::optional<double> share(const Count& count, const Count& of) {
    if (count.suppressed || of.suppressed || of.value == 0) return std::nullopt;
    return static_cast<double>(count.value) / static_cast<double>(of.value);
}

Report build_report(const selfcheck::Content& content, const ReportLabels& labels, const std::vector<Record>& records,
                    const ReportRequest& request) {
    Report report;
    report.filter = request.filter;
    report.k = request.k;
    report.form_id = content.form.id;

    std::vector<Respondent> respondents;
    respondents.reserve(records.size());
    for (const Record& record : records) {
        if (record.form_id != content.form.id) {
            ++report.other_form_records;
            continue;
        }
        Respondent respondent{record.answers, kNotStated, record.language, &record};
        const auto nationality = respondent.answers.find(kNationalityQuestion);
        if (nationality != respondent.answers.end()) {
            if (const auto* code = std::get_if<std::string>(&nationality->second)) respondent.nationality = *code;
        }
        respondents.push_back(std::move(respondent));
    }

    add_levels_and_indicators(report, content, respondents, request.k);
    report.headline = headline(report, content);

    Grouping by_nationality = nationality_grouping(content, labels);
    // A nationality a record names that the form does not list is counted as not stated.
    for (Respondent& respondent : respondents) {
        if (std::find(by_nationality.ids.begin(), by_nationality.ids.end(), respondent.nationality) ==
            by_nationality.ids.end()) {
            respondent.nationality = kNotStated;
        }
    }
    const Grouping by_language = language_grouping(content, respondents);
    for (Respondent& respondent : respondents) {
        respondent.nationality_group = index_in(by_nationality.ids, respondent.nationality);
        respondent.language_group = index_in(by_language.ids, respondent.language);
    }
    for (const selfcheck::Question& question : content.form.questions) {
        if (question.type != selfcheck::QuestionType::Choice) continue;
        std::vector<Grouping> groupings;
        if (question.id != kNationalityQuestion) groupings.push_back(by_nationality);
        groupings.push_back(by_language);
        report.questions.push_back(question_report(question, labels, respondents, groupings, request.k));
    }
    return report;
}

}  // namespace selfcheck::collector
