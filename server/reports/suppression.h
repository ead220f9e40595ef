#pragma once
// Small-cell suppression over one table of counts. A table is a set of cells and the
// "lines" that add up: each line is some cells plus the published total they sum to (a
// column's answer counts and its number answered; a row across nationalities and the
// overall figure). Rules, applied until nothing changes:
//   1. primary: a cell holding fewer than k respondents (zero included) is suppressed;
//   2. a suppressed column total suppresses its whole column (shares would reveal it);
//   3. complementary: a line with exactly one suppressed entry (cell or total) could give
//      it back by subtraction, so its smallest still-shown cell is suppressed too (the
//      total, if no cell is left).
// This is the usual hand heuristic statistical offices use for two-way tables; it stops
// single subtractions, not every linear-programming attack across many published tables.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace selfcheck::collector {

class SuppressionTable {
public:
    // Adds a cell; returns its index.
    std::size_t add_cell(std::int64_t count);
    // `cells` add up to `total`. `whole_column`: if the total is suppressed, so are the cells.
    void add_line(std::vector<std::size_t> cells, std::size_t total, bool whole_column);

    void apply(std::int64_t k);

    std::int64_t count(std::size_t cell) const { return counts_[cell]; }
    bool suppressed(std::size_t cell) const { return suppressed_[cell]; }

private:
    struct Line {
        std::vector<std::size_t> cells;
        std::size_t total;
        bool whole_column;
    };
    bool apply_line(const Line& line);

    std::vector<std::int64_t> counts_;
    std::vector<bool> suppressed_;
    std::vector<Line> lines_;
};

}  // namespace selfcheck::collector
