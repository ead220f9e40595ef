#pragma once
// Builds the font atlas from Debian's Noto fonts, holding only the characters the content and
// locales actually use (plus ASCII), at the sizes the layout needs. The CJK collection is read
// once and shared by every size (ImGui 1.86 would otherwise copy 19 MB per size).
#include <imgui.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace selfcheck::ui {

struct FontFiles {
    std::string latin;  // NotoSans-Regular.ttf
    std::string cjk;    // NotoSansCJK-Regular.ttc
    std::string icons;  // MaterialIcons-Regular.ttf (fonts-material-design-icons-iconfont)
    // Family preferred inside the CJK collection; the Hong Kong face follows local glyph forms.
    std::vector<std::string> cjk_families{"Noto Sans CJK HK", "Noto Sans CJK TC"};
};

FontFiles default_font_files();  // the paths found at build time

struct Fonts {
    ImFont* body = nullptr;
    ImFont* title = nullptr;
    float em = 0;  // body size in pixels
};

class FontError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Clears `atlas`, then adds the fonts; the caller builds the texture. Throws FontError naming
// the file when a font cannot be read.
Fonts load_fonts(ImFontAtlas& atlas, const FontFiles& files, const std::vector<std::string>& texts, float em);

// Index of the first face in a collection whose family is one of `families`; -1 if none.
int find_face_index(const std::string& collection_path, const std::vector<std::string>& families);

}  // namespace selfcheck::ui
