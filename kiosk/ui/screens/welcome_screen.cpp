// Welcome: the four languages by their own names, each button with "Choose your language" in
// that language beneath its name, since we do not yet know which one she reads. One column
// on a phone; a 2x2 grid that fills a landscape screen. Under the grid, where the kiosk has
// sound: the headphone sign and her choice to hear every screen read aloud.
#include "kiosk/ui/icons.h"
#include "kiosk/ui/screens/screens.h"
#include "kiosk/ui/text_layout.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

#include <algorithm>
#include <cfloat>

namespace selfcheck::ui {
namespace {

const ButtonLook kAutoReadOff{icon::kReadAloud, true};
const ButtonLook kAutoReadOn{icon::kYes, true};
constexpr float kSignGapEm = 0.3f;  // between the headphone sign and the choice under it

float headphones_icon_room(UiContext& ui) {
    ImFont* font = ui.fonts.body;
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, icon::kHeadphones).x + 0.4f * ui.em();
}

float headphones_sign_height(UiContext& ui, float width) {
    return std::max(ui.fonts.body->FontSize,
                    wrapped_height(ui, ui.fonts.body, ui.text("welcome.headphones"), width - headphones_icon_room(ui)));
}

float auto_read_height(UiContext& ui, float width) {
    return button_height_for(ui, ui.text("welcome.auto_read"), width, theme().min_target * ui.em(), kAutoReadOff,
                             0.45f);
}

// The headphone sign and the auto-read choice, one under the other: their height at `width`.
float audio_choices_height(UiContext& ui, float width) {
    if (!ui.audio || !ui.audio->enabled()) return 0;
    float h = auto_read_height(ui, width);
    if (ui.audio->headphones()) h += headphones_sign_height(ui, width) + kSignGapEm * ui.em();
    return h;
}

void draw_audio_choices(UiContext& ui, float left, float top, float width) {
    const Theme& t = theme();
    const float em = ui.em();
    audio::ReadAloud& audio = *ui.audio;
    float y = top;
    if (audio.headphones()) {
        ImFont* font = ui.fonts.body;
        ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(left, y), t.primary, icon::kHeadphones);
        // Beside the icon, so the sign's words never run under it.
        const float room = headphones_icon_room(ui);
        ImGui::SetCursorScreenPos(ImVec2(left + room, y));
        wrapped_text(ui, ui.text("welcome.headphones"), font, width - room, t.text);
        y += headphones_sign_height(ui, width) + kSignGapEm * em;
    }
    const bool on = audio.auto_read();
    const std::string label = ui.text("welcome.auto_read");
    const ButtonLook& look = on ? kAutoReadOn : kAutoReadOff;
    const float h = auto_read_height(ui, width);
    ImGui::SetCursorScreenPos(ImVec2(left, y));
    if (tap_button(ui, "welcome.auto_read", label, ImVec2(width, h), on ? ButtonKind::Primary : ButtonKind::Secondary,
                   look))
        audio.set_auto_read(!on);
}

}  // namespace

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

    // Each cell: the name in large type, the prompt beneath in that language, and air around them.
    float words_height = 0;
    for (const auto& language : languages) {
        const float inner = cell_width - 1.6f * em;
        const float h = wrapped_height(ui, ui.fonts.title, language.label, inner) +
                        wrapped_height(ui, ui.fonts.body, ui.messages.text(language.locale, "welcome.prompt"), inner);
        words_height = std::max(words_height, h);
    }
    const float choices = audio_choices_height(ui, std::min(width, 30 * em));
    const float room = area.min.y + area.height() - t.padding * em - top - (choices > 0 ? choices + gap : 0.f);
    // In landscape the grid fills the screen (up to a comfortable size); on a phone it keeps
    // its own height and sits at the top, with less air in each cell where the read-aloud
    // choice would otherwise be pushed out of sight.
    const float per_row = (room - gap * float(rows - 1)) / float(rows);
    const float air = landscape ? 1.2f * em : std::clamp(per_row - words_height, 0.4f * em, 1.2f * em);
    const float needed = words_height + air;
    float cell_height = std::max(needed, landscape ? std::min(8 * em, per_row) : 0.f);
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
    float bottom = grid_top + float(rows) * (cell_height + gap);
    if (choices > 0) {
        const float choices_width = std::min(width, 30 * em);
        draw_audio_choices(ui, left + (width - choices_width) * 0.5f, bottom, choices_width);
        bottom += choices + gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(left, bottom));
}

}  // namespace selfcheck::ui
