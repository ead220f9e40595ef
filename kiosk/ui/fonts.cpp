#include "kiosk/ui/fonts.h"

#include "kiosk/ui/icons.h"

#include <ft2build.h>
#include <imgui_freetype.h>
#include FT_FREETYPE_H

#include <cmath>
#include <cstdio>
#include <memory>

#ifndef SELFCHECK_FONT_LATIN
#error "SELFCHECK_FONT_LATIN must be defined by the build"
#endif

namespace selfcheck::ui {

FontFiles default_font_files() {
    FontFiles files;
    files.latin = SELFCHECK_FONT_LATIN;
    files.cjk = SELFCHECK_FONT_CJK;
    files.icons = SELFCHECK_FONT_ICONS;
    return files;
}

namespace {

// Reads a whole file into memory ImGui may free (IM_ALLOC), as the atlas will own it.
void* read_for_atlas(const std::string& path, int& size) {
    std::unique_ptr<FILE, decltype(&std::fclose)> file(std::fopen(path.c_str(), "rb"), std::fclose);
    if (!file)
        throw FontError("font file cannot be opened: " + path +
                        " (install fonts-noto-core, fonts-noto-cjk and fonts-material-design-icons-iconfont)");
    std::fseek(file.get(), 0, SEEK_END);
    long length = std::ftell(file.get());
    std::fseek(file.get(), 0, SEEK_SET);
    if (length <= 0) throw FontError("font file is empty: " + path);
    void* data = IM_ALLOC(static_cast<size_t>(length));
    if (std::fread(data, 1, static_cast<size_t>(length), file.get()) != static_cast<size_t>(length)) {
        IM_FREE(data);
        throw FontError("font file cannot be read: " + path);
    }
    size = static_cast<int>(length);
    return data;
}

// The glyph ranges must outlive the atlas build, so they live here.
ImVector<ImWchar>& glyph_ranges_storage() {
    static ImVector<ImWchar> ranges;
    return ranges;
}

ImVector<ImWchar>& icon_ranges_storage() {
    static ImVector<ImWchar> ranges;
    return ranges;
}

}  // namespace

int find_face_index(const std::string& collection_path, const std::vector<std::string>& families) {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) return -1;
    int found = -1;
    FT_Face face = nullptr;
    if (FT_New_Face(library, collection_path.c_str(), -1, &face) == 0) {
        const long faces = face->num_faces;
        FT_Done_Face(face);
        for (const auto& family : families) {
            for (long i = 0; i < faces && found < 0; ++i) {
                if (FT_New_Face(library, collection_path.c_str(), i, &face) != 0) continue;
                if (face->family_name && family == face->family_name) found = static_cast<int>(i);
                FT_Done_Face(face);
            }
            if (found >= 0) break;
        }
    }
    FT_Done_FreeType(library);
    return found;
}

Fonts load_fonts(ImFontAtlas& atlas, const FontFiles& files, const std::vector<std::string>& texts, float em) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();  // handles the CJK collection's CFF outlines

    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas.GetGlyphRangesDefault());  // ASCII and Latin-1: digits, punctuation
    for (const auto& text : texts) builder.AddText(text.c_str());
    builder.AddChar(0x2026);  // ellipsis
    ImVector<ImWchar>& ranges = glyph_ranges_storage();
    ranges.clear();
    builder.BuildRanges(&ranges);

    const int cjk_face = find_face_index(files.cjk, files.cjk_families);
    if (cjk_face < 0)
        throw FontError("no Traditional Chinese face (" + files.cjk_families.front() + ") in " + files.cjk);

    ImVector<ImWchar>& icon_ranges = icon_ranges_storage();
    icon_ranges.clear();
    for (unsigned c : icon::all_code_points()) {
        icon_ranges.push_back(ImWchar(c));
        icon_ranges.push_back(ImWchar(c));
    }
    icon_ranges.push_back(0);

    int latin_size = 0;
    int cjk_size = 0;
    int icons_size = 0;
    void* latin_data = read_for_atlas(files.latin, latin_size);
    void* cjk_data = read_for_atlas(files.cjk, cjk_size);
    void* icons_data = read_for_atlas(files.icons, icons_size);

    Fonts fonts;
    fonts.em = em;
    auto add = [&](float pixels) {
        ImFontConfig latin;
        latin.FontDataOwnedByAtlas = true;  // no copy; ownership sorted out below
        latin.OversampleH = 1;
        latin.PixelSnapH = true;
        ImFont* font = atlas.AddFontFromMemoryTTF(latin_data, latin_size, pixels, &latin, ranges.Data);
        ImFontConfig cjk = latin;
        cjk.MergeMode = true;
        cjk.FontNo = cjk_face;
        atlas.AddFontFromMemoryTTF(cjk_data, cjk_size, pixels, &cjk, ranges.Data);
        ImFontConfig icons = latin;
        icons.MergeMode = true;
        icons.GlyphOffset = ImVec2(0, std::round(pixels * 0.18f));  // the icons sit on the text's middle, not above it
        atlas.AddFontFromMemoryTTF(icons_data, icons_size, pixels, &icons, icon_ranges.Data);
        return font;
    };
    fonts.body = add(em);
    fonts.title = add(std::round(em * 1.35f));

    // Every size points at the same two buffers; let exactly one config own (and free) each.
    bool latin_owner = false, cjk_owner = false, icons_owner = false;
    for (ImFontConfig& config : atlas.ConfigData) {
        bool& owner = config.FontData == latin_data ? latin_owner
                      : config.FontData == cjk_data ? cjk_owner
                                                    : icons_owner;
        config.FontDataOwnedByAtlas = !owner;
        owner = true;
    }
    return fonts;
}

}  // namespace selfcheck::ui
