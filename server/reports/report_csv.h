#pragma once
// A report as one CSV file in long format: one row per figure, so a filter or pivot table in
// Excel or LibreOffice gives any view. UTF-8 with a byte-order mark (so Excel shows 繁體中文),
// CRLF line ends, RFC 4180 quoting. A suppressed figure reads "suppressed", never a number.
//
// Columns: table, item_id, item, breakdown, group, group_label, value_id, value_label,
//          count, of, percent
//   table "report":       value_id from / to / site / k / respondents / headline
//   table "result_level": value_id a level; of = respondents
//   table "indicator":    item_id a dimension; value_id an indicator; of = respondents
//   table "answer":       item_id a question; breakdown all / nationality / language;
//                         value_id an answer code; of = those asked and answering

#include "server/reports/report.h"

#include <string>

namespace selfcheck::collector {

inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

std::string report_to_csv(const Report& report);

// One CSV field: quoted when needed; a leading = + - @ is neutralised with ' so a
// spreadsheet never runs it as a formula.
std::string csv_field(const std::string& text);

}  // namespace selfcheck::collector
