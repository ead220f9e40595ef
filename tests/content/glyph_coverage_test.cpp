// Every character of every message, in every language, has a glyph in the fonts the kiosk
// loads (Noto Sans, and the Hong Kong face of Noto Sans CJK): no tofu boxes on any screen.
#include "kiosk/ui/fonts.h"
#include "protocol/content/content.h"
#include "protocol/content/messages.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <catch2/catch.hpp>
#include <unicode/unistr.h>

using namespace selfcheck;

TEST_CASE("the kiosk's fonts cover every character of every locale") {
    const ui::FontFiles files = ui::default_font_files();
    const int cjk_index = ui::find_face_index(files.cjk, files.cjk_families);
    REQUIRE(cjk_index >= 0);
    FT_Library library = nullptr;
    REQUIRE(FT_Init_FreeType(&library) == 0);
    FT_Face latin = nullptr, cjk = nullptr;
    REQUIRE(FT_New_Face(library, files.latin.c_str(), 0, &latin) == 0);
    REQUIRE(FT_New_Face(library, files.cjk.c_str(), cjk_index, &cjk) == 0);
    CHECK(std::string(cjk->family_name) == "Noto Sans CJK HK");

    const Content content = load_content(std::filesystem::path(SELFCHECK_SOURCE_DIR) / "content");
    const Messages messages(std::filesystem::path(SELFCHECK_BINARY_DIR) / "locales");
    size_t checked = 0;
    for (const auto& language : content.form.languages) {
        std::vector<std::string> texts = messages.strings(language.locale);
        texts.push_back(language.label);
        for (const auto& text : texts) {
            const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
            for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
                const UChar32 c = u.char32At(i);
                if (c == ' ' || c == '\n') continue;
                ++checked;
                if (FT_Get_Char_Index(latin, FT_ULong(c)) || FT_Get_Char_Index(cjk, FT_ULong(c))) continue;
                FAIL_CHECK(language.locale << ": U+" << std::hex << c << " has no glyph, in: " << text);
            }
        }
    }
    CHECK(checked > 10000);
    FT_Done_Face(latin);
    FT_Done_Face(cjk);
    FT_Done_FreeType(library);
}
