#include "protocol/content/review.h"

#include "protocol/time/dates.h"

#include <stdexcept>

namespace selfcheck {

bool Organisation::number_needs_check(const std::string& today) const {
    if (!has_number()) return false;
    return !is_verified() || review_by < today;  // YYYY-MM-DD compares as text
}

std::vector<ReviewItem> review_items(const Content& content) {
    std::vector<ReviewItem> items;
    auto add = [&](const char* file, const std::string& item, const Provenance& p) {
        items.push_back({file, item, p.checked_on, p.review_by});
    };
    for (const auto& [name, provenance] : content.constant_notes) add("rights.yaml", "constant " + name, provenance);
    for (const auto& series : content.dated_values) add("rights.yaml", "dated value " + series.name, series.provenance);
    for (const auto& rule : content.running_rules)
        add("rights.yaml", "running-contract rule " + rule.name, rule.provenance);
    for (const auto& right : content.rights) add("rights.yaml", "right " + right.id, right.provenance);
    for (const auto& o : content.directory)
        items.push_back({"directory.yaml", "organisation " + o.id, o.checked_on, o.review_by});
    return items;
}

std::vector<ReviewItem> overdue_reviews(const Content& content, std::string_view today) {
    if (!is_calendar_date(today))
        throw std::invalid_argument("overdue reviews: '" + std::string(today) + "' is not a date YYYY-MM-DD");
    std::vector<ReviewItem> overdue;
    for (auto& item : review_items(content))
        if (item.review_by < today) overdue.push_back(std::move(item));
    return overdue;
}

std::string describe(const ReviewItem& item) {
    return item.file + " " + item.item + ": review by " + item.review_by + " (checked " + item.checked_on + ")";
}

}  // namespace selfcheck
