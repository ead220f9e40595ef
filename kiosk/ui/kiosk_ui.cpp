#include "kiosk_ui.h"

#include "screens/screens.h"
#include "theme.h"
#include "widgets.h"

namespace selfcheck::ui {

std::string screen_name(const Session& session) {
    switch (session.step()) {
    case Step::Welcome: return "welcome";
    case Step::Question: return "question";
    case Step::Thanks: return "thanks";
    }
    return "unknown";
}

namespace {

// Neutral title at the left, quick exit at the right: on every screen, one tap wipes.
float draw_top_bar(UiContext& ui, ImVec2 display) {
    const Theme& t = theme();
    const float em = ui.em();
    const float height = t.top_bar_height * em;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(0, 0), ImVec2(display.x, height), t.top_bar);

    const float exit_width = std::max(6.f * em, ImGui::CalcTextSize(ui.text("nav.quick_exit").c_str()).x + 2 * em);
    const float inset = 0.3f * em;
    ImGui::SetCursorScreenPos(ImVec2(display.x - exit_width - inset, inset));
    if (tap_button(ui, "nav.quick_exit", ui.text("nav.quick_exit"), ImVec2(exit_width, height - 2 * inset), ButtonKind::Exit))
        ui.session.wipe();

    const float title_width = display.x - exit_width - 3 * em;
    ImGui::SetCursorScreenPos(ImVec2(em, (height - em) * 0.5f));
    ImGui::PushClipRect(ImVec2(0, 0), ImVec2(em + title_width, height), true);
    wrapped_text(ui, ui.text("app.title"), ui.fonts.body, title_width, t.muted_text);
    ImGui::PopClipRect();
    return height;
}

}  // namespace

void draw_kiosk(UiContext& ui, ImVec2 display) {
    ui.registry.begin_frame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("##kiosk", nullptr, flags);
    ImGui::PushFont(ui.fonts.body);
    const float bar = draw_top_bar(ui, display);
    const ScreenArea area{ImVec2(0, bar), display};
    switch (ui.session.step()) {
    case Step::Welcome: draw_welcome_screen(ui, area); break;
    case Step::Question: draw_question_screen(ui, area); break;
    case Step::Thanks: draw_thanks_screen(ui, area); break;
    }
    ImGui::PopFont();
    ImGui::End();
}

}  // namespace selfcheck::ui
