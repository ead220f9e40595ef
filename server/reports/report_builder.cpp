#include "server/reports/report_builder.h"

#include "protocol/content/content.h"
#include "server/reports/record_tallier.h"
#include "server/reports/suppression.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <stdexcept>

namespace selfcheck::collector {
namespace {

constexpr const char* kNotStated = "not_stated";

// Answers to one question from the tallies: a cell's count with its groups.
struct AnswerCount {
    std::size_t nationality_group;  // index into the nationality grouping's ids
    std::size_t language_group;     // index into the language grouping's ids
    const std::string* code;        // nullptr: asked, not answered
    std::int64_t count;
};

// Groups of one breakdown, in the order they are shown.
struct Grouping {
    std::string by;
    std::vector<std::string> ids;
    std::vector<std::string> labels;
    std::size_t (*of)(const AnswerCount&);  // the cell's group, as an index into ids
};

std::size_t nationality_of(const AnswerCount& answer) { return answer.nationality_group; }
std::size_t language_of(const AnswerCount& answer) { return answer.language_group; }

std::size_t index_in(const std::vector<std::string>& ids, const std::string& id) {
    return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
}

// Ids no form names, in the order they first appear (their tallies' smallest order key).
void append_in_order_seen(std::vector<std::string>& ids, const std::map<std::string, std::string>& first_seen) {
    std::vector<std::pair<std::string, std::string>> extra;
    for (const auto& [id, first] : first_seen) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) extra.emplace_back(first, id);
    }
    std::sort(extra.begin(), extra.end());
    for (const auto& [first, id] : extra) ids.push_back(id);
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
Grouping language_grouping(const selfcheck::Content& content, const std::map<std::string, std::string>& first_seen) {
    Grouping grouping{"language", {}, {}, language_of};
    for (const selfcheck::Language& language : content.form.languages) {
        grouping.ids.push_back(language.locale);
        grouping.labels.push_back(language.label);
    }
    const std::size_t named = grouping.ids.size();
    append_in_order_seen(grouping.ids, first_seen);
    for (std::size_t i = named; i < grouping.ids.size(); ++i) grouping.labels.push_back(grouping.ids[i]);
    return grouping;
}

// The tallies of a range, read the way the tables need them.
struct Counted {
    std::int64_t respondents = 0;
    std::int64_t other_form_records = 0;
    std::map<std::string, std::int64_t> nationality_size;  // raw nationality answer
    std::map<std::string, std::int64_t> language_size;
    std::map<std::string, std::string> language_first, level_first;
    std::map<std::string, std::int64_t> level_counts, raised;
    struct Answer {
        std::string nationality, language;
        const std::string* code;  // nullptr: declined
        std::int64_t count;
    };
    std::map<std::string, std::vector<Answer>> answers;  // per question id
};

Counted read_tallies(const selfcheck::Content& content, const Tallies& tallies) {
    Counted counted;
    for (const auto& [cell, count] : tallies) {
        if (cell.form_id != content.form.id) {
            if (cell.kind == "r") counted.other_form_records += count.count;
            continue;
        }
        if (cell.kind == "r") {
            counted.respondents += count.count;
            counted.nationality_size[cell.nationality] += count.count;
            counted.language_size[cell.language] += count.count;
            std::string& first = counted.language_first[cell.language];
            if (first.empty() || count.first < first) first = count.first;
        } else if (cell.kind == "l") {
            counted.level_counts[cell.value] += count.count;
            std::string& first = counted.level_first[cell.value];
            if (first.empty() || count.first < first) first = count.first;
        } else if (cell.kind == "i") {
            counted.raised[cell.item] += count.count;
        } else if (cell.kind == "a" || cell.kind == "d") {
            counted.answers[cell.item].push_back(Counted::Answer{
                cell.nationality, cell.language, cell.kind == "a" ? &cell.value : nullptr, count.count});
        }
    }
    return counted;
}

// Cell indexes of one answer column in the report's suppression table.
struct ColumnCells {
    std::size_t answered;
    std::size_t declined;
    std::vector<std::size_t> by_code;
};

AnswerColumn read_column(const SuppressionTable& table, const ColumnCells& cells, std::string group,
                         std::string label) {
    AnswerColumn column{std::move(group), std::move(label), {}, {}, {}};
    column.answered = Count{table.count(cells.answered), table.suppressed(cells.answered)};
    column.declined = Count{table.count(cells.declined), table.suppressed(cells.declined)};
    for (std::size_t cell : cells.by_code) column.by_code.push_back(Count{table.count(cell), table.suppressed(cell)});
    return column;
}

// Every figure of a report in one table (suppression.h), so arithmetic across tables is
// audited along with arithmetic within one. Cells every table shares: the number of
// respondents and the (never published) size of each nationality and language group.
struct ReportCells {
    SuppressionTable table;
    std::size_t respondents = 0;
    std::vector<std::size_t> level_cells;
    std::map<std::string, std::size_t> raised_cell;
    std::vector<std::vector<std::size_t>> group_size;  // [grouping][group]
    // Per question: its columns (0 = all, then each grouping's groups in turn).
    struct Question {
        const selfcheck::Question* question;
        QuestionReport report;
        std::vector<std::size_t> first_column_of;  // per grouping of the question
        std::vector<std::size_t> grouping_index;   // which of the report's groupings
        std::vector<ColumnCells> columns;
    };
    std::vector<Question> questions;
};

// Questions tables: cells, then the lines that tie them to each other and to group sizes.
void add_question(ReportCells& cells, const selfcheck::Question& question, bool always_asked,
                  const ReportLabels& labels, const std::vector<AnswerCount>& answers,
                  const std::vector<Grouping>& groupings, const std::vector<std::size_t>& grouping_index) {
    ReportCells::Question entry{&question, {}, {}, grouping_index, {}};
    QuestionReport& report = entry.report;
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
    std::size_t columns = 1;
    for (const Grouping& grouping : groupings) {
        entry.first_column_of.push_back(columns);
        columns += grouping.ids.size();
    }
    // counts[g][c]: column g, code c; [code_count] answered, [code_count + 1] declined.
    std::vector<std::vector<std::int64_t>> counts(columns, std::vector<std::int64_t>(code_count + 2, 0));
    // Only those asked have a cell (record_tallier.h).
    for (const AnswerCount& answer : answers) {
        std::size_t slot = code_count + 1;  // asked, no answer: declined
        if (answer.code) {
            const auto at = std::find(report.codes.begin(), report.codes.end(), *answer.code);
            if (at == report.codes.end()) continue;  // not a code of this form version: not counted
            slot = static_cast<std::size_t>(at - report.codes.begin());
        }
        auto tally = [&](std::size_t g) {
            counts[g][slot] += answer.count;
            if (slot < code_count) counts[g][code_count] += answer.count;
        };
        tally(0);
        for (std::size_t b = 0; b < groupings.size(); ++b) tally(entry.first_column_of[b] + groupings[b].of(answer));
    }

    SuppressionTable& table = cells.table;
    entry.columns.resize(columns);
    for (std::size_t g = 0; g < columns; ++g) {
        ColumnCells& column = entry.columns[g];
        column.answered = table.add_cell(counts[g][code_count]);
        column.declined = table.add_cell(counts[g][code_count + 1]);
        for (std::size_t c = 0; c < code_count; ++c) column.by_code.push_back(table.add_cell(counts[g][c]));
        table.add_line(column.by_code, column.answered, true);
        table.add_uniform_check(column.by_code, column.answered);
        // Asked = answered + declined: everyone in the group when the question is always asked.
        std::size_t size = 0;
        if (g == 0) {
            size = cells.respondents;
        } else {
            for (std::size_t b = 0; b < groupings.size(); ++b) {
                if (g >= entry.first_column_of[b] && g < entry.first_column_of[b] + groupings[b].ids.size()) {
                    size = cells.group_size[grouping_index[b]][g - entry.first_column_of[b]];
                }
            }
        }
        if (always_asked) {
            table.add_line({column.answered, column.declined}, size, false);
        } else {
            const std::size_t asked = table.add_hidden(counts[g][code_count] + counts[g][code_count + 1]);
            table.add_line({column.answered, column.declined}, asked, false);
        }
    }
    for (std::size_t b = 0; b < groupings.size(); ++b) {
        const std::size_t first = entry.first_column_of[b];
        const std::size_t size = groupings[b].ids.size();
        for (std::size_t c = 0; c < code_count + 2; ++c) {
            const auto pick = [&](const ColumnCells& column) {
                return c < code_count ? column.by_code[c] : c == code_count ? column.answered : column.declined;
            };
            std::vector<std::size_t> row;
            for (std::size_t g = first; g < first + size; ++g) row.push_back(pick(entry.columns[g]));
            table.add_line(std::move(row), pick(entry.columns[0]), false);
        }
    }
    cells.questions.push_back(std::move(entry));
}

// Levels and indicators: every respondent has one level; an indicator is raised or not.
void add_levels_and_indicators(ReportCells& cells, std::vector<std::string>& level_ids,
                               const selfcheck::Content& content, Counted& counted) {
    for (const selfcheck::ResultLevel& level : content.scoring.levels) level_ids.push_back(level.id);
    append_in_order_seen(level_ids, counted.level_first);
    std::map<std::string, std::int64_t>& level_counts = counted.level_counts;
    std::map<std::string, std::int64_t>& raised = counted.raised;
    const std::int64_t total = counted.respondents;
    SuppressionTable& table = cells.table;
    for (const std::string& id : level_ids) cells.level_cells.push_back(table.add_cell(level_counts[id]));
    table.add_line(cells.level_cells, cells.respondents, false);
    table.add_uniform_check(cells.level_cells, cells.respondents);
    for (const selfcheck::Indicator& indicator : content.indicators) {
        const std::int64_t yes = raised[indicator.id];
        const std::size_t cell = table.add_cell(yes);
        // Those without the indicator are never shown, but N minus the raised count gives them.
        table.add_line({cell, table.add_hidden(total - yes, true)}, cells.respondents, false);
        cells.raised_cell[indicator.id] = cell;
    }
}

void fill_dimensions(Report& report, const ReportCells& cells, const selfcheck::Content& content) {
    const SuppressionTable& table = cells.table;
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
            const std::size_t cell = cells.raised_cell.at(indicator.id);
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

// A question row of a report over several form versions: the newest version's question with
// the options older versions had and it dropped appended, and whether every record is asked it.
struct MergedQuestion {
    selfcheck::Question question;
    bool always_asked;
};

// The choice questions of every version by id: the newest's in its order, then those only
// older versions ask (newest first). A question is always asked only if every version asks it
// without skip logic; a record of a version without it has no cell for it (record_tallier.h).
std::vector<MergedQuestion> merge_questions(const FormVersions& versions) {
    std::vector<MergedQuestion> merged;
    for (auto version = versions.rbegin(); version != versions.rend(); ++version) {
        for (const selfcheck::Question& question : (*version)->form.questions) {
            if (question.type != selfcheck::QuestionType::Choice) continue;
            const auto same = std::find_if(merged.begin(), merged.end(),
                                           [&](const MergedQuestion& row) { return row.question.id == question.id; });
            if (same == merged.end()) {
                merged.push_back(MergedQuestion{question, !question.show_if && version == versions.rbegin()});
                continue;
            }
            if (question.show_if) same->always_asked = false;
            for (const selfcheck::AnswerOption& option : question.options) {
                std::vector<selfcheck::AnswerOption>& options = same->question.options;
                if (std::none_of(options.begin(), options.end(),
                                 [&](const selfcheck::AnswerOption& known) { return known.code == option.code; }))
                    options.push_back(option);
            }
        }
        // A question this version lacks is not asked of its records.
        for (MergedQuestion& row : merged)
            if (!(*version)->form.find(row.question.id)) row.always_asked = false;
    }
    return merged;
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
    return build_report(FormVersions{&content}, labels, records, request);
}

Report build_report_from_tallies(const selfcheck::Content& content, const ReportLabels& labels, const Tallies& tallies,
                                 const ReportRequest& request) {
    return build_report_from_tallies(FormVersions{&content}, labels, tallies, request);
}

Report build_report(const FormVersions& versions, const ReportLabels& labels, const std::vector<Record>& records,
                    const ReportRequest& request) {
    // The same cells the store keeps, counted here; each record's order key is its place.
    const ContentTallier tallier(versions);
    Tallies tallies;
    char place[24];
    for (std::size_t i = 0; i < records.size(); ++i) {
        std::snprintf(place, sizeof place, "%020zu", i);
        tallier.tally(records[i], place, tallies);
    }
    return build_report_from_tallies(versions, labels, tallies, request);
}

Report build_report_from_tallies(const FormVersions& versions, const ReportLabels& labels, const Tallies& tallies,
                                 const ReportRequest& request) {
    const selfcheck::Content& content = *versions.back();
    Report report;
    report.filter = request.filter;
    report.k = request.k;
    report.form_id = content.form.id;

    Counted counted = read_tallies(content, tallies);
    report.other_form_records = counted.other_form_records;
    const Grouping by_nationality = nationality_grouping(content, labels);
    const Grouping by_language = language_grouping(content, counted.language_first);
    const std::vector<Grouping> all_groupings = {by_nationality, by_language};
    // A nationality a record names that the form does not list is counted as not stated.
    const auto nationality_group = [&](const std::string& nationality) {
        const std::size_t group = index_in(by_nationality.ids, nationality);
        return group < by_nationality.ids.size() ? group : index_in(by_nationality.ids, kNotStated);
    };

    ReportCells cells;
    cells.respondents = cells.table.add_cell(counted.respondents);
    cells.table.keep(cells.respondents);
    // Group sizes: never published, but tables of questions everyone is asked add up to them.
    std::vector<std::vector<std::int64_t>> sizes = {std::vector<std::int64_t>(by_nationality.ids.size(), 0),
                                                    std::vector<std::int64_t>(by_language.ids.size(), 0)};
    for (const auto& [nationality, size] : counted.nationality_size) sizes[0][nationality_group(nationality)] += size;
    for (const auto& [language, size] : counted.language_size) sizes[1][index_in(by_language.ids, language)] += size;
    for (const std::vector<std::int64_t>& grouping_sizes : sizes) {
        std::vector<std::size_t> size_cells;
        for (std::int64_t size : grouping_sizes) size_cells.push_back(cells.table.add_hidden(size));
        cells.table.add_line(size_cells, cells.respondents, false);
        cells.group_size.push_back(std::move(size_cells));
    }
    std::vector<std::string> level_ids;
    add_levels_and_indicators(cells, level_ids, content, counted);
    const std::vector<MergedQuestion> rows = merge_questions(versions);
    for (const MergedQuestion& row : rows) {
        const selfcheck::Question& question = row.question;
        std::vector<Grouping> groupings;
        std::vector<std::size_t> grouping_index;
        if (question.id != kNationalityQuestion) {
            groupings.push_back(by_nationality);
            grouping_index.push_back(0);
        }
        groupings.push_back(by_language);
        grouping_index.push_back(1);
        std::vector<AnswerCount> answers;
        for (const Counted::Answer& answer : counted.answers[question.id]) {
            answers.push_back(AnswerCount{nationality_group(answer.nationality),
                                          index_in(by_language.ids, answer.language), answer.code, answer.count});
        }
        add_question(cells, question, row.always_asked, labels, answers, groupings, grouping_index);
        // The nationality table's overall column gives each nationality group's size.
        if (question.id == kNationalityQuestion) {
            const ColumnCells& all = cells.questions.back().columns[0];
            for (std::size_t c = 0; c < all.by_code.size(); ++c) {
                const std::size_t group = index_in(by_nationality.ids, cells.questions.back().report.codes[c]);
                if (group < by_nationality.ids.size())
                    cells.table.add_line({all.by_code[c]}, cells.group_size[0][group], false);
            }
        }
    }
    cells.table.apply(request.k);

    const SuppressionTable& table = cells.table;
    report.respondents = Count{table.count(cells.respondents), table.suppressed(cells.respondents)};
    for (std::size_t i = 0; i < level_ids.size(); ++i) {
        const std::size_t cell = cells.level_cells[i];
        report.levels.push_back(
            LevelCount{level_ids[i], humanise_id(level_ids[i]), Count{table.count(cell), table.suppressed(cell)}});
    }
    fill_dimensions(report, cells, content);
    report.headline = headline(report, content);
    for (ReportCells::Question& entry : cells.questions) {
        QuestionReport question = std::move(entry.report);
        question.overall = read_column(table, entry.columns[0], "all", "All");
        for (std::size_t b = 0; b < entry.first_column_of.size(); ++b) {
            const Grouping& grouping = all_groupings[entry.grouping_index[b]];
            Breakdown breakdown{grouping.by, {}};
            for (std::size_t i = 0; i < grouping.ids.size(); ++i) {
                breakdown.columns.push_back(read_column(table, entry.columns[entry.first_column_of[b] + i],
                                                        grouping.ids[i], grouping.labels[i]));
            }
            question.breakdowns.push_back(std::move(breakdown));
        }
        report.questions.push_back(std::move(question));
    }
    return report;
}

}  // namespace selfcheck::collector
