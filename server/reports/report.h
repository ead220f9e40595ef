#pragma once
// A report over the records of a date range (and optionally one site): answer shares per
// question, overall and by nationality and language; result levels with a headline; and ILO
// indicators grouped by dimension. Every count is either shown or suppressed (suppression.h:
// from 1 to k-1 respondents, a small group that answered alike, or suppressed so that no
// other suppressed figure can be worked out from what is shown).
// Built by build_report() (report_builder.h); written out by report_csv.h / report_json.h.

#include "server/store/report_query.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace selfcheck::collector {

inline constexpr std::int64_t kDefaultMinCell = 5;

struct Count {
    std::int64_t value = 0;  // meaningless when suppressed; writers must never print it then
    bool suppressed = false;
};

// count / of, when both are shown and `of` is not zero.
std::optional<double> share(const Count& count, const Count& of);

// One column of a question table: who answered it in a group, and how many gave each code.
struct AnswerColumn {
    std::string group;           // "all", a nationality code, "not_stated", or a language locale
    std::string group_label;     // "All", "Indonesia", "Not stated", "繁體中文", ...
    Count answered;              // the denominator: asked (skip logic) and answered
    std::vector<Count> by_code;  // aligned with QuestionReport::codes
    Count declined;              // asked but chose not to answer ("prefer not to say" or skipped)
};

struct Breakdown {
    std::string by;  // "nationality" or "language"
    std::vector<AnswerColumn> columns;
};

struct QuestionReport {
    std::string id;
    std::string section;
    std::string text;                // English question text, or the id
    bool yes_no = false;             // the headline figure is the share answering "yes"
    std::vector<std::string> codes;  // answer codes a record can hold, in form order
    std::vector<std::string> code_labels;
    AnswerColumn overall;
    std::vector<Breakdown> breakdowns;
};

struct LevelCount {
    std::string id;
    std::string label;
    Count count;
};

struct IndicatorCount {
    std::string id;
    std::string label;
    Count count;  // respondents with the indicator raised; the denominator is all respondents
};

struct DimensionReport {
    std::string id;
    std::string label;
    std::vector<IndicatorCount> indicators;  // the indicators form.yaml can raise in this dimension
};

struct Report {
    RecordFilter filter;
    std::int64_t k = kDefaultMinCell;
    std::string form_id;
    Count respondents;
    std::vector<LevelCount> levels;  // scoring.yaml order
    std::string headline;            // "63 of 1,037 showed signs of forced labour"
    std::vector<DimensionReport> dimensions;
    std::vector<QuestionReport> questions;  // choice questions, form order
    std::int64_t other_form_records = 0;    // in range but of another form id: not counted
};

}  // namespace selfcheck::collector
