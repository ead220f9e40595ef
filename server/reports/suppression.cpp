#include "server/reports/suppression.h"

namespace selfcheck::collector {

std::size_t SuppressionTable::add_cell(std::int64_t count) {
    counts_.push_back(count);
    suppressed_.push_back(false);
    return counts_.size() - 1;
}

void SuppressionTable::add_line(std::vector<std::size_t> cells, std::size_t total, bool whole_column) {
    lines_.push_back(Line{std::move(cells), total, whole_column});
}

// Returns true if it suppressed anything.
bool SuppressionTable::apply_line(const Line& line) {
    bool changed = false;
    if (line.whole_column && suppressed_[line.total]) {
        for (std::size_t cell : line.cells) {
            if (!suppressed_[cell]) suppressed_[cell] = changed = true;
        }
        return changed;
    }
    int hidden = suppressed_[line.total] ? 1 : 0;
    for (std::size_t cell : line.cells) hidden += suppressed_[cell] ? 1 : 0;
    if (hidden != 1) return false;
    // The smallest shown cell hides the most useful information the least; ties: the first.
    std::size_t pick = line.total;
    for (std::size_t cell : line.cells) {
        if (suppressed_[cell]) continue;
        if (pick == line.total || counts_[cell] < counts_[pick]) pick = cell;
    }
    suppressed_[pick] = true;
    return true;
}

void SuppressionTable::apply(std::int64_t k) {
    for (std::size_t i = 0; i < counts_.size(); ++i) {
        if (counts_[i] < k) suppressed_[i] = true;
    }
    // Each pass only adds suppressions, so this ends after at most one pass per cell.
    for (bool changed = true; changed;) {
        changed = false;
        for (const Line& line : lines_) changed = apply_line(line) || changed;
    }
}

}  // namespace selfcheck::collector
