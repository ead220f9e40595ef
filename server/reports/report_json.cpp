#include "server/reports/report_json.h"

#include "server/reports/percent.h"

#include <cmath>

namespace selfcheck::collector {
namespace {

using nlohmann::json;

json count_json(const Count& count) { return count.suppressed ? json("suppressed") : json(count.value); }

json share_json(const Count& count, const Count& of) {
    if (count.suppressed || of.suppressed) return "suppressed";
    const std::optional<double> part = share(count, of);
    if (!part) return nullptr;
    return std::round(*part * 10000.0) / 10000.0;
}

// The percentage exactly as the page and the CSV write it (percent.h).
json percent_json(const Count& count, const Count& of) {
    if (count.suppressed || of.suppressed) return "suppressed";
    const std::optional<std::string> text = percent_text(count, of);
    if (!text) return nullptr;
    return *text;
}

json column_json(const QuestionReport& question, const AnswerColumn& column) {
    json answers = json::object();
    for (std::size_t c = 0; c < question.codes.size(); ++c) {
        answers[question.codes[c]] = {{"count", count_json(column.by_code[c])},
                                      {"share", share_json(column.by_code[c], column.answered)},
                                      {"percent", percent_json(column.by_code[c], column.answered)}};
    }
    return {{"group", column.group},
            {"label", column.group_label},
            {"answered", count_json(column.answered)},
            {"declined", count_json(column.declined)},  // asked, chose not to answer
            {"answers", std::move(answers)}};
}

}  // namespace

json report_to_json(const Report& report) {
    json levels = json::array();
    for (const LevelCount& level : report.levels) {
        levels.push_back({{"id", level.id},
                          {"label", level.label},
                          {"count", count_json(level.count)},
                          {"share", share_json(level.count, report.respondents)},
                          {"percent", percent_json(level.count, report.respondents)}});
    }
    json dimensions = json::array();
    for (const DimensionReport& dimension : report.dimensions) {
        json indicators = json::array();
        for (const IndicatorCount& indicator : dimension.indicators) {
            indicators.push_back({{"id", indicator.id},
                                  {"label", indicator.label},
                                  {"count", count_json(indicator.count)},
                                  {"share", share_json(indicator.count, report.respondents)},
                                  {"percent", percent_json(indicator.count, report.respondents)}});
        }
        dimensions.push_back({{"id", dimension.id}, {"label", dimension.label}, {"indicators", std::move(indicators)}});
    }
    json questions = json::array();
    for (const QuestionReport& question : report.questions) {
        json breakdowns = json::object();
        for (const Breakdown& breakdown : question.breakdowns) {
            json columns = json::array();
            for (const AnswerColumn& column : breakdown.columns) columns.push_back(column_json(question, column));
            breakdowns[breakdown.by] = std::move(columns);
        }
        json labels = json::object();
        for (std::size_t c = 0; c < question.codes.size(); ++c) labels[question.codes[c]] = question.code_labels[c];
        questions.push_back({{"id", question.id},
                             {"section", question.section},
                             {"text", question.text},
                             {"yes_no", question.yes_no},
                             {"codes", question.codes},
                             {"code_labels", std::move(labels)},
                             {"overall", column_json(question, question.overall)},
                             {"by", std::move(breakdowns)}});
    }
    return {
        {"form_id", report.form_id},
        {"from", report.filter.from},
        {"to", report.filter.to},
        {"site", report.filter.site.empty() ? json(nullptr) : json(report.filter.site)},
        {"k", report.k},
        {"respondents", count_json(report.respondents)},
        {"headline", report.headline},
        {"result_levels", std::move(levels)},
        {"dimensions", std::move(dimensions)},
        {"questions", std::move(questions)},
        {"other_form_records", count_json(Count{report.other_form_records, report.other_form_records > 0 &&
                                                                               report.other_form_records < report.k})}};
}

}  // namespace selfcheck::collector
