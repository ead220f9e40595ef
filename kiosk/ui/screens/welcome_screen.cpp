// Welcome: the four languages by their own names, each button with "Choose your language" in
// that language beneath its name, since we do not yet know which one she reads. One column
// on a phone; a 2x2 grid that fills a landscape screen.
#include "kiosk/ui/screens/screens.h"
#include "kiosk/ui/text_layout.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

#include <algorithm>

namespace selfcheck::ui {

void draw_welcome_screen(UiContext& ui, const ScreenArea& area) {
    const Theme& t = theme();
    const float em = ui.em();
    const bool landscape = area.landscape();
    const auto [left, width] = centred_column(area, landscape ? 44 : 30, em);
    const auto& languages = ui.session.form().languages;
    const int columns = landscape && width >= 28 * em ? 2 : 1;
    const float gap = t.gap * em;
    const float cell_width = (width - gap * float(columns - 1)) / float(columns);
    const int rows = (int(languages.size()) + columns - 1) / columns;

    // The title where the header had no room for it (a phone), so the screen still says what it is.
    float top = area.min.y + t.padding * em;
    const std::string title = ui.title.empty() ? ui.text("app.title") : ui.title;
    bool title_in_header = false;
    for (const auto& drawn : ui.registry.texts()) title_in_header |= drawn.text == title;
    if (!title_in_header) {
        ImGui::SetCursorScreenPos(ImVec2(left, top));
        wrapped_text(ui, title, ui.fonts.body, width, t.muted_text);
        top = ImGui::GetCursorScreenPos().y + gap;
    }

    // Each cell: the name in large type, the prompt beneath in that language.
    float needed = 0;
    for (const auto& language : languages) {
        const float inner = cell_width - 1.6f * em;
        const float h = wrapped_height(ui, ui.fonts.title, language.label, inner) +
                        wrapped_height(ui, ui.fonts.body, ui.messages.text(language.locale, "welcome.prompt"), inner) +
                        1.2f * em;
        needed = std::max(needed, h);
    }
    const float room = area.min.y + area.height() - t.padding * em - top;
    // In landscape the grid fills the screen (up to a comfortable size); on a phone it keeps
    // its own height and sits at the top.
    float cell_height =
        std::max(needed, landscape ? std::min(8 * em, (room - gap * float(rows - 1)) / float(rows)) : 0.f);
    float grid_top = top;
    if (landscape) grid_top = top + std::max(0.f, (room - (cell_height * float(rows) + gap * float(rows - 1))) * 0.5f);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < languages.size(); ++i) {
        const int row = int(i) / columns, column = int(i) % columns;
        const ImVec2 at(left + float(column) * (cell_width + gap), grid_top + float(row) * (cell_height + gap));
        ImGui::SetCursorScreenPos(at);
        ImGui::PushFont(ui.fonts.title);
        // The button draws no label of its own: its name and prompt are laid out below, inside it.
        const bool tapped = tap_button(ui, "lang." + languages[i].locale, "", ImVec2(cell_width, cell_height));
        ImGui::PopFont();
        const std::string& locale = languages[i].locale;
        const std::string prompt = ui.messages.text(locale, "welcome.prompt");
        const float inner = cell_width - 1.6f * em;
        const WrappedText name = wrap_text(ui.fonts.title, ui.fonts.title->FontSize, languages[i].label, inner, locale);
        const WrappedText words = wrap_text(ui.fonts.body, ui.fonts.body->FontSize, prompt, inner, locale);
        float y = at.y + (cell_height - name.size.y - words.size.y - 0.2f * em) * 0.5f;
        auto lines = [&](const WrappedText& wrapped, ImFont* font, const std::string& text) {
            const float y0 = y;
            for (const TextLine& line : wrapped.lines) {
                draw->AddText(font, font->FontSize, ImVec2(at.x + (cell_width - line.width) * 0.5f, y), t.on_primary,
                              line.begin, line.end);
                y += font->FontSize;
            }
            DrawnText drawn = describe_text(ui, text, wrapped, ImVec2(at.x + 0.8f * em, y0),
                                            ImVec2(at.x + cell_width - 0.8f * em, y), font->FontSize);
            drawn.owner = "lang." + locale;
            drawn.locale = locale;
            drawn.overflowed = wrapped.size.x > inner + 0.5f;
            ui.registry.record_text(std::move(drawn));
        };
        lines(name, ui.fonts.title, languages[i].label);
        y += 0.2f * em;
        lines(words, ui.fonts.body, prompt);
        if (tapped) ui.session.choose_language(locale);
    }
    ImGui::SetCursorScreenPos(ImVec2(left, grid_top + float(rows) * (cell_height + gap)));
}

}  // namespace selfcheck::ui
