#pragma once
// A QR code as a plain matrix of modules, so core can make one (with libqrencode) and the UI
// can draw it without either knowing about the other.
#include <string>
#include <utility>
#include <vector>

namespace selfcheck {

class QrCode {
public:
    // Encodes the bytes of `text` in 8-bit mode, error correction level M, smallest version that
    // fits. Throws std::runtime_error with the reason (e.g. too long for version 40) on failure.
    static QrCode encode(const std::string& text);

    int size() const { return size_; }  // modules per side, without the quiet zone
    // Module at column x, row y, both in [0, size()); throws std::out_of_range outside.
    bool dark(int x, int y) const;

    // Runs of dark modules per row, for drawing few rectangles instead of size*size squares.
    struct Run {
        int y;
        int x_begin;
        int x_end;  // one past the last dark module
    };
    // Row by row, left to right; each run is as long as possible.
    std::vector<Run> dark_runs() const;

private:
    QrCode(int size, std::vector<bool> modules) : size_(size), modules_(std::move(modules)) {}

    int size_;
    std::vector<bool> modules_;  // row-major, true = dark
};

}  // namespace selfcheck
