#include "kiosk/app/contact_sheet.h"

#include "kiosk/platform/png_writer.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <memory>

namespace selfcheck {
namespace {

constexpr int kLabelHeight = 22;
constexpr int kMargin = 10;

// Averages each thumbnail pixel over the block of source pixels it covers.
void draw_thumbnail(std::vector<uint8_t>& sheet, int sheet_width, int x0, int y0, const Shot& shot, int tw, int th) {
    for (int y = 0; y < th; ++y) {
        const int sy0 = y * shot.height / th, sy1 = std::max(sy0 + 1, (y + 1) * shot.height / th);
        for (int x = 0; x < tw; ++x) {
            const int sx0 = x * shot.width / tw, sx1 = std::max(sx0 + 1, (x + 1) * shot.width / tw);
            unsigned sum[3] = {0, 0, 0}, n = 0;
            for (int sy = sy0; sy < sy1; ++sy)
                for (int sx = sx0; sx < sx1; ++sx, ++n)
                    for (int c = 0; c < 3; ++c)
                        sum[c] += shot.rgba[(size_t(sy) * size_t(shot.width) + size_t(sx)) * 4 + size_t(c)];
            uint8_t* p = &sheet[(size_t(y0 + y) * size_t(sheet_width) + size_t(x0 + x)) * 4];
            for (int c = 0; c < 3; ++c) p[c] = uint8_t(sum[c] / n);
        }
    }
}

struct FreeType {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    ~FreeType() {
        if (face) FT_Done_Face(face);
        if (library) FT_Done_FreeType(library);
    }
};

void draw_label(std::vector<uint8_t>& sheet, int sheet_width, int sheet_height, int x, int baseline, FT_Face face,
                const std::string& text) {
    for (unsigned char ch : text) {
        if (FT_Load_Char(face, ch, FT_LOAD_RENDER) != 0) continue;
        const FT_GlyphSlot g = face->glyph;
        for (unsigned row = 0; row < g->bitmap.rows; ++row)
            for (unsigned col = 0; col < g->bitmap.width; ++col) {
                const int px = x + g->bitmap_left + int(col), py = baseline - g->bitmap_top + int(row);
                if (px < 0 || py < 0 || px >= sheet_width || py >= sheet_height) continue;
                const unsigned a = g->bitmap.buffer[row * unsigned(g->bitmap.pitch) + col];
                uint8_t* p = &sheet[(size_t(py) * size_t(sheet_width) + size_t(px)) * 4];
                for (int c = 0; c < 3; ++c) p[c] = uint8_t((p[c] * (255 - a) + 0x20 * a) / 255);
            }
        x += int(g->advance.x >> 6);
    }
}

}  // namespace

void write_contact_sheet(const std::filesystem::path& file, const std::vector<Shot>& shots, int columns,
                         int thumb_width, const std::string& font) {
    if (shots.empty() || columns < 1) throw ContactSheetError("contact sheet " + file.string() + ": no screenshots");
    int thumb_height = 0;
    for (const Shot& s : shots) thumb_height = std::max(thumb_height, s.height * thumb_width / std::max(1, s.width));
    const int rows = (int(shots.size()) + columns - 1) / columns;
    const int cell_w = thumb_width + kMargin, cell_h = thumb_height + kLabelHeight + kMargin;
    const int width = columns * cell_w + kMargin, height = rows * cell_h + kMargin;
    std::vector<uint8_t> sheet(size_t(width) * size_t(height) * 4, 0xFF);
    FreeType ft;
    if (FT_Init_FreeType(&ft.library) != 0 || FT_New_Face(ft.library, font.c_str(), 0, &ft.face) != 0)
        throw ContactSheetError("contact sheet " + file.string() + ": cannot read the label font " + font);
    FT_Set_Pixel_Sizes(ft.face, 0, 14);
    for (size_t i = 0; i < shots.size(); ++i) {
        const Shot& shot = shots[i];
        const int x = kMargin + int(i % size_t(columns)) * cell_w, y = kMargin + int(i / size_t(columns)) * cell_h;
        const int th = shot.height * thumb_width / std::max(1, shot.width);
        // A thin frame shows where each screen ends on the white sheet.
        for (int yy = y - 1; yy <= y + th; ++yy)
            for (int xx = x - 1; xx <= x + thumb_width; ++xx) {
                if (yy < 0 || xx < 0) continue;
                uint8_t* p = &sheet[(size_t(yy) * size_t(width) + size_t(xx)) * 4];
                p[0] = p[1] = p[2] = 0x90;
            }
        draw_thumbnail(sheet, width, x, y, shot, thumb_width, th);
        draw_label(sheet, width, height, x, y + th + 16, ft.face, shot.label);
    }
    platform::write_png(file.string(), width, height, sheet);
}

}  // namespace selfcheck
