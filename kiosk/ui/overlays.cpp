// Panels drawn over the current screen: "Still there?" before an idle wipe, and the
// language list for changing language mid-way (answers are kept).
#include "kiosk/ui/overlays.h"

#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

namespace selfcheck::ui {
namespace {

// Dims [origin, origin + size) and returns the panel's inner column; the caller ends the window.
void begin_panel(UiContext& ui, ImVec2 origin, ImVec2 size, float panel_height_em, float& left, float& top,
                 float& width) {
    const Theme& t = theme();
    const float em = ui.em();
    begin_dimmed_window("##overlay", origin, size);
    ImDrawList* back = ImGui::GetWindowDrawList();
    width = std::min(size.x - 2 * em, 28 * em);
    const float height = std::min(size.y - 2 * em, panel_height_em * em);
    left = origin.x + (size.x - width) * 0.5f;
    top = origin.y + (size.y - height) * 0.5f;
    back->AddRectFilled(ImVec2(left, top), ImVec2(left + width, top + height), t.card, t.rounding * em);
    left += em;
    top += em;
    width -= 2 * em;
}

}  // namespace

void begin_dimmed_window(const char* id, ImVec2 origin, ImVec2 size) {
    ImGui::SetNextWindowPos(origin);
    ImGui::SetNextWindowSize(size);
    ImGui::SetNextWindowBgAlpha(0.0f);
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::GetWindowDrawList()->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), theme().scrim);
}

void draw_idle_prompt(UiContext& ui, ImVec2 origin, ImVec2 size, int seconds_left) {
    const Theme& t = theme();
    const float em = ui.em();
    float left, top, width;
    begin_panel(ui, origin, size, 11, left, top, width);
    ImGui::SetCursorScreenPos(ImVec2(left, top));
    wrapped_text(ui, ui.text("idle.title"), ui.fonts.title, width, t.text);
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y + 0.4f * em));
    wrapped_text(ui, ui.messages.format(ui.locale(), "idle.body", {{"seconds", long(seconds_left)}}), ui.fonts.body,
                 width, t.text);
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y + 0.8f * em));
    // Any touch counts as "still here"; the button says so in words.
    tap_button(ui, "idle.continue", ui.text("idle.continue"), ImVec2(width, t.button_height * em));
    ImGui::End();
}

void draw_language_picker(UiContext& ui, ImVec2 origin, ImVec2 size) {
    const Theme& t = theme();
    const float em = ui.em();
    const auto& languages = ui.session.form().languages;
    float left, top, width;
    begin_panel(ui, origin, size, 2 + float(languages.size()) * (t.button_height + t.gap) - t.gap, left, top, width);
    ImGui::PushFont(ui.fonts.title);
    for (size_t i = 0; i < languages.size(); ++i) {
        ImGui::SetCursorScreenPos(ImVec2(left, top + float(i) * (t.button_height + t.gap) * em));
        const bool current = languages[i].locale == ui.session.locale();
        if (tap_button(ui, "lang." + languages[i].locale, languages[i].label, ImVec2(width, t.button_height * em),
                       current ? ButtonKind::Primary : ButtonKind::Secondary)) {
            ui.session.choose_language(languages[i].locale);
            ui.memory.choosing_language = false;
        }
    }
    ImGui::PopFont();
    ImGui::End();
}

}  // namespace selfcheck::ui
