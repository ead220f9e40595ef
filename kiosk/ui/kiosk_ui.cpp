#include "kiosk_ui.h"

#include "screens/screens.h"
#include "scroll_region.h"
#include "theme.h"
#include "widgets.h"

namespace selfcheck::ui {

std::string screen_name(const Session& session) {
    switch (session.step()) {
    case Step::Welcome: return "welcome";
    case Step::Question: return "question";
    case Step::Result: return "result";
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
    // The result keeps Finish in reach below the scrolled content.
    const float footer = ui.session.step() == Step::Result ? theme().button_height * ui.em() + 0.8f * ui.em() : 0.f;
    const Step step = ui.session.step();
    {
        ScrollRegion scroll(ui, "screen.scroll", ImVec2(0, bar), ImVec2(display.x, display.y - bar - footer));
        // A new screen or question starts at the top, however far the last one was scrolled.
        const Question* question = ui.session.current_question();
        const std::string shown = screen_name(ui.session) + (question ? "/" + question->id : std::string());
        if (shown != ui.memory.shown_screen) ImGui::SetScrollY(0);
        ui.memory.shown_screen = shown;
        const ScreenArea area{scroll.origin(), scroll.size()};
        switch (step) {
        case Step::Welcome: draw_welcome_screen(ui, area); break;
        case Step::Question: draw_question_screen(ui, area); break;
        case Step::Result: draw_result_screen(ui, area); break;
        }
    }
    if (step == Step::Result && ui.session.step() == Step::Result)
        draw_result_footer(ui, ImVec2(0, display.y - footer), ImVec2(display.x, footer));
    ImGui::PopFont();
    ImGui::End();
}

}  // namespace selfcheck::ui
