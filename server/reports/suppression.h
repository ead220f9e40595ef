#pragma once
// Statistical disclosure control over every figure of one report at once (docs/reports.md).
// The report is a set of cells and the "lines" that add up: each line is some cells plus
// the cell they sum to (a column's answer counts and its number answered; answered plus
// declined and the group's size; a row across nationalities and the overall figure; the
// result levels and the number of respondents ...). Cells shared by several tables (the
// number of respondents, a group's size) are one cell, so arithmetic across tables is
// audited too. Hidden cells are never published (a group's size where no table shows it).
//   1. primary: a count from 1 to k-1 is suppressed; a zero is not, unless the audit says
//      showing it gives a small count away;
//   2. uniform groups: a column where everyone answered alike (all other codes zero) with
//      fewer than 2k members is suppressed whole: "6 of 6" would tell every member's answer;
//   3. a suppressed column total suppresses its whole column;
//   4. audit: the published figures and every line are solved as a linear system (Gaussian
//      elimination over the unknown cells, plus "unknowns of one sign summing to zero are
//      all zero"); while a small count or a uniform group's total is determined, the
//      smallest published cell sharing a line with it (or, failing that, with the unknowns
//      of those lines, outwards) is suppressed too. A complement that is itself determined
//      protects nothing and is never picked again; if nothing is left to pick, everything
//      but the number of respondents is suppressed. What is left cannot be worked out from
//      the published figures by linear arithmetic;
//   5. a suppressed cell the published figures determine anyway (a complement that proved
//      useless, a zero of an empty group) is shown: hiding it would protect nobody.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace selfcheck::collector {

class SuppressionTable {
public:
    // Adds a published cell; returns its index.
    std::size_t add_cell(std::int64_t count);
    // Adds a cell that is never published but takes part in lines (a group's size, those
    // without an indicator). `protect_if_small`: a small value must not be worked out either
    // (those without an indicator); a group's size is a margin and may be.
    std::size_t add_hidden(std::int64_t count, bool protect_if_small = false);
    // `cells` add up to `total`. `whole_column`: if the total is suppressed, so are the cells
    // (their shares could not be shown anyway).
    void add_line(std::vector<std::size_t> cells, std::size_t total, bool whole_column);
    // The cells of one answer column: if all but one are zero and the total is below 2k,
    // the column is suppressed.
    void add_uniform_check(std::vector<std::size_t> cells, std::size_t total);

    // A cell the audit never picks as a complement (the number of respondents: suppressed
    // only when itself below k).
    void keep(std::size_t cell) { kept_.resize(counts_.size(), false), kept_[cell] = true; }

    void apply(std::int64_t k);

    std::int64_t count(std::size_t cell) const { return counts_[cell]; }
    bool suppressed(std::size_t cell) const { return suppressed_[cell]; }
    std::size_t size() const { return counts_.size(); }

    // Which suppressed (or hidden) cells the published figures determine; empty after apply().
    std::vector<std::size_t> determined_cells() const;

private:
    struct Line {
        std::vector<std::size_t> cells;
        std::size_t total;
        bool whole_column;
    };
    struct Uniform {
        std::vector<std::size_t> cells;
        std::size_t total;
    };
    bool unknown(std::size_t cell) const { return suppressed_[cell] || hidden_[cell]; }
    bool spread_columns();
    // Suppresses one more published cell in a line holding `cell`; false if none is left.
    bool protect(std::size_t cell);
    // Shows the suppressed cells the published figures determine, unless they must not be known.
    void show_determined();

    std::vector<std::int64_t> counts_;
    std::vector<bool> suppressed_;
    std::vector<bool> hidden_;
    std::vector<bool> protect_small_;
    std::vector<bool> kept_;
    // Must not be worked out: small counts (published, or hidden ones to protect) and the
    // totals of uniform groups. Other suppressed cells are complements.
    std::vector<bool> sensitive_;
    std::vector<Line> lines_;
    std::vector<Uniform> uniforms_;
};

}  // namespace selfcheck::collector
