#include "server/reports/suppression.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace selfcheck::collector {

std::size_t SuppressionTable::add_cell(std::int64_t count) {
    counts_.push_back(count);
    suppressed_.push_back(false);
    hidden_.push_back(false);
    protect_small_.push_back(true);
    return counts_.size() - 1;
}

std::size_t SuppressionTable::add_hidden(std::int64_t count, bool protect_if_small) {
    const std::size_t cell = add_cell(count);
    hidden_[cell] = true;
    protect_small_[cell] = protect_if_small;
    return cell;
}

void SuppressionTable::add_line(std::vector<std::size_t> cells, std::size_t total, bool whole_column) {
    lines_.push_back(Line{std::move(cells), total, whole_column});
}

void SuppressionTable::add_uniform_check(std::vector<std::size_t> cells, std::size_t total) {
    uniforms_.push_back(Uniform{std::move(cells), total});
}

bool SuppressionTable::spread_columns() {
    bool changed = false;
    for (const Line& line : lines_) {
        if (!line.whole_column || !suppressed_[line.total]) continue;
        for (std::size_t cell : line.cells) {
            if (!suppressed_[cell] && !hidden_[cell]) suppressed_[cell] = changed = true;
        }
    }
    return changed;
}

std::vector<std::size_t> SuppressionTable::determined_cells() const {
    // Unknowns: suppressed and hidden cells, numbered 0..n-1.
    std::vector<long> column(counts_.size(), -1);
    std::vector<std::size_t> cell_of;
    for (std::size_t cell = 0; cell < counts_.size(); ++cell) {
        if (unknown(cell)) {
            column[cell] = static_cast<long>(cell_of.size());
            cell_of.push_back(cell);
        }
    }
    const std::size_t n = cell_of.size();
    std::vector<bool> known(n, false);
    std::vector<bool> determined(n, false);

    // Each line as: sum of coefficient * unknown = rhs, with the published figures moved right.
    struct Equation {
        std::vector<std::pair<std::size_t, int>> terms;
        double rhs = 0;
    };
    std::vector<Equation> equations;
    for (const Line& line : lines_) {
        Equation equation;
        const auto term = [&](std::size_t cell, int sign) {
            if (column[cell] >= 0) {
                equation.terms.emplace_back(static_cast<std::size_t>(column[cell]), sign);
            } else {
                equation.rhs -= sign * static_cast<double>(counts_[cell]);
            }
        };
        for (std::size_t cell : line.cells) term(cell, 1);
        term(line.total, -1);
        if (!equation.terms.empty()) equations.push_back(std::move(equation));
    }

    // The two rules feed each other (a value elimination fixes can close a zero sum), so
    // they take turns until neither finds more.
    for (bool solved = true; solved;) {
        solved = false;
        // Non-negative unknowns of one sign summing to zero are all zero (repeated as values fall out).
        for (bool changed = true; changed;) {
            changed = false;
            for (Equation& equation : equations) {
                double rhs = equation.rhs;
                int signs = 0;
                std::size_t left = 0;
                for (const auto& [u, sign] : equation.terms) {
                    if (known[u]) {
                        rhs -= sign * static_cast<double>(counts_[cell_of[u]]);
                    } else {
                        ++left;
                        signs |= sign > 0 ? 1 : 2;
                    }
                }
                if (left == 0 || std::abs(rhs) > 0.5 || signs == 3) continue;
                for (const auto& [u, sign] : equation.terms) {
                    if (!known[u]) known[u] = determined[u] = changed = true;
                }
            }
        }

        // Gaussian elimination over what is still unknown: a pivot row with no other entry
        // fixes its unknown.
        std::vector<std::size_t> free_index(n, n);
        std::vector<std::size_t> free_cells;
        for (std::size_t u = 0; u < n; ++u) {
            if (!known[u]) {
                free_index[u] = free_cells.size();
                free_cells.push_back(u);
            }
        }
        const std::size_t width = free_cells.size();
        std::vector<std::vector<double>> rows;
        for (const Equation& equation : equations) {
            std::vector<double> row(width, 0.0);
            bool any = false;
            for (const auto& [u, sign] : equation.terms) {
                if (known[u]) continue;
                row[free_index[u]] += sign;
                any = true;
            }
            if (any) rows.push_back(std::move(row));
        }
        std::vector<long> pivot_row_of(width, -1);
        std::size_t rank = 0;
        for (std::size_t c = 0; c < width && rank < rows.size(); ++c) {
            std::size_t best = rank;
            for (std::size_t r = rank; r < rows.size(); ++r) {
                if (std::abs(rows[r][c]) > std::abs(rows[best][c])) best = r;
            }
            if (std::abs(rows[best][c]) < 1e-9) continue;
            std::swap(rows[rank], rows[best]);
            const double pivot = rows[rank][c];
            for (double& value : rows[rank]) value /= pivot;
            for (std::size_t r = 0; r < rows.size(); ++r) {
                if (r == rank || std::abs(rows[r][c]) < 1e-12) continue;
                const double factor = rows[r][c];
                for (std::size_t j = c; j < width; ++j) rows[r][j] -= factor * rows[rank][j];
            }
            pivot_row_of[c] = static_cast<long>(rank);
            ++rank;
        }
        for (std::size_t c = 0; c < width; ++c) {
            if (pivot_row_of[c] < 0) continue;
            const std::vector<double>& row = rows[static_cast<std::size_t>(pivot_row_of[c])];
            const bool alone = std::none_of(row.begin(), row.end(), [&, j = std::size_t(0)](double value) mutable {
                return j++ != c && std::abs(value) > 1e-9;
            });
            if (alone) known[free_cells[c]] = determined[free_cells[c]] = solved = true;
        }
    }

    std::vector<std::size_t> result;
    for (std::size_t u = 0; u < n; ++u) {
        if (determined[u]) result.push_back(cell_of[u]);
    }
    return result;
}

bool SuppressionTable::protect(std::size_t cell) {
    kept_.resize(counts_.size(), false);
    const auto eligible = [&](std::size_t m) { return !unknown(m) && !kept_[m]; };
    // The smallest published cell in a line with `cell`; failing that, in a line with any
    // unknown of those lines, and so on outwards until the lines run out.
    std::vector<std::size_t> reach = {cell};
    std::vector<bool> reached(counts_.size(), false);
    reached[cell] = true;
    while (!reach.empty()) {
        std::size_t pick = counts_.size();
        std::vector<std::size_t> next;
        for (const Line& line : lines_) {
            std::vector<std::size_t> members = line.cells;
            members.push_back(line.total);
            if (std::none_of(members.begin(), members.end(),
                             [&](std::size_t m) { return std::find(reach.begin(), reach.end(), m) != reach.end(); })) {
                continue;
            }
            for (std::size_t m : line.cells) {
                if (unknown(m)) {
                    if (!reached[m]) next.push_back(m), reached[m] = true;
                } else if (eligible(m) && (pick == counts_.size() || counts_[m] < counts_[pick])) {
                    pick = m;
                }
            }
            // A line's total only when no cell is left.
            if (unknown(line.total)) {
                if (!reached[line.total]) next.push_back(line.total), reached[line.total] = true;
            } else if (pick == counts_.size() && eligible(line.total)) {
                pick = line.total;
            }
        }
        if (pick != counts_.size()) {
            suppressed_[pick] = true;
            return true;
        }
        reach = std::move(next);
    }
    return false;
}

void SuppressionTable::show_determined() {
    // The published figures already give these away, so hiding them protects nobody, and
    // none is a figure that must not be known. Showing a figure that is already determined
    // leaves every other cell as open as it was.
    for (std::size_t cell : determined_cells()) {
        if (!hidden_[cell] && !sensitive_[cell]) suppressed_[cell] = false;
    }
}

void SuppressionTable::apply(std::int64_t k) {
    sensitive_.assign(counts_.size(), false);
    for (std::size_t i = 0; i < counts_.size(); ++i) {
        const bool small = counts_[i] > 0 && counts_[i] < k;
        if (!hidden_[i] && small) suppressed_[i] = true;
        sensitive_[i] = small && (!hidden_[i] || protect_small_[i]);
    }
    // A kept cell (the number of respondents) below k: nothing at all is shown.
    kept_.resize(counts_.size(), false);
    for (std::size_t i = 0; i < counts_.size(); ++i) {
        if (kept_[i] && suppressed_[i]) {
            std::fill(suppressed_.begin(), suppressed_.end(), true);
            return;
        }
    }
    for (const Uniform& uniform : uniforms_) {
        const auto nonzero = std::count_if(uniform.cells.begin(), uniform.cells.end(),
                                           [&](std::size_t cell) { return counts_[cell] != 0; });
        const std::int64_t total = counts_[uniform.total];
        if (total > 0 && total < 2 * k && nonzero <= 1 && !hidden_[uniform.total])
            suppressed_[uniform.total] = sensitive_[uniform.total] = true;
    }
    // Each round adds a suppression or retires a complement for good, so this ends.
    for (;;) {
        spread_columns();
        std::vector<std::size_t> exposed;
        for (std::size_t cell : determined_cells()) {
            if (sensitive_[cell]) {
                exposed.push_back(cell);
            } else if (!hidden_[cell]) {
                // A complement the figures give away protects nothing: never pick it again.
                kept_[cell] = true;
            }
        }
        if (exposed.empty()) break;
        bool changed = false;
        for (std::size_t cell : exposed) changed = protect(cell) || changed;
        if (!changed) {
            // Nothing published is left near them: show nothing but the number of respondents.
            for (std::size_t cell = 0; cell < counts_.size(); ++cell) {
                if (!hidden_[cell] && !kept_[cell]) suppressed_[cell] = true;
            }
            break;
        }
    }
    show_determined();
}

}  // namespace selfcheck::collector
