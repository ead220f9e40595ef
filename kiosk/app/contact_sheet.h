#pragma once
// A contact sheet: many screenshots as labelled thumbnails on one PNG, so a reviewer sees a
// whole screenshot set at once. No SDL: pixels in, PNG out; labels drawn with FreeType.
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace selfcheck {

struct Shot {
    std::string label;  // e.g. "question-number zh_Hant_HK"
    int width = 0, height = 0;
    std::vector<uint8_t> rgba;
};

class ContactSheetError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Thumbnails `thumb_width` wide, `columns` to a row, in the given order, each labelled
// beneath. `font` is a TrueType file for the labels. Throws ContactSheetError naming the file.
void write_contact_sheet(const std::filesystem::path& file, const std::vector<Shot>& shots, int columns,
                         int thumb_width, const std::string& font);

}  // namespace selfcheck
