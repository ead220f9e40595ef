#include "kiosk/ui/kiosk_ui.h"

#include "kiosk/ui/overlays.h"
#include "kiosk/ui/screens/screens.h"
#include "kiosk/ui/scroll_region.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

namespace selfcheck::ui {

std::string screen_name(const Session& session, const StaffPanel* staff) {
    if (staff && staff->view() == StaffPanel::View::Pin) return "staff_pin";
    if (staff && staff->view() == StaffPanel::View::Open) return "staff_panel";
    switch (session.step()) {
    case Step::Welcome: return "welcome";
    case Step::Privacy: return "privacy";
    case Step::Question: return "question";
    case Step::Result: return "result";
    }
    return "unknown";
}

namespace {

bool staff_showing(const UiContext& ui) { return ui.staff && ui.staff->panel.view() != StaffPanel::View::Closed; }

// Neutral title at the left; Language and the quick exit at the right, on every screen (one
// tap on Exit wipes everything). Where the title would have to break inside a word beside the
// buttons (a narrow screen), it gets a row of its own above them.
float draw_top_bar(UiContext& ui, ImVec2 display) {
    const Theme& t = theme();
    const float em = ui.em();
    const float inset = 0.3f * em;
    auto button_width = [&](const std::string& label) {
        return std::max(3.5f * em, ImGui::CalcTextSize(label.c_str()).x + 2 * em);
    };
    const std::string exit_label = ui.text("nav.quick_exit");
    const bool offer_language = ui.session.step() != Step::Welcome && !staff_showing(ui);
    const std::string language_label = offer_language ? ui.text("nav.change_language") : std::string();
    const float exit_width = button_width(exit_label);
    const float language_width = offer_language ? button_width(language_label) : 0.f;
    const std::string title = ui.title.empty() ? ui.text("app.title") : ui.title;
    const float beside_width = display.x - exit_width - language_width - 2 * em - (offer_language ? inset : 0.f);
    const bool stacked = beside_width < 7 * em && ImGui::CalcTextSize(title.c_str()).x > beside_width;
    const float title_width = stacked ? display.x - 1.6f * em : beside_width;
    const float title_height = wrapped_height(ui, ui.fonts.body, title, title_width);
    const float buttons_row = t.top_bar_height * em;
    const float title_row = stacked ? title_height + 0.8f * em : std::max(buttons_row, title_height + 1.2f * em);
    const float height = stacked ? title_row + buttons_row : title_row;

    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(display.x, height), t.top_bar);
    ImGui::SetCursorScreenPos(ImVec2(em * 0.8f, (title_row - title_height) * 0.5f));
    wrapped_text(ui, title, ui.fonts.body, title_width, t.muted_text);

    const float button_height = t.top_bar_height * em - 2 * inset;
    const float button_top = (stacked ? title_row : 0.f) + ((stacked ? buttons_row : height) - button_height) * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(display.x - exit_width - inset, button_top));
    if (tap_button(ui, "nav.quick_exit", exit_label, ImVec2(exit_width, button_height), ButtonKind::Exit)) {
        ui.reset_for_next_person();
    }
    if (offer_language) {
        ImGui::SetCursorScreenPos(ImVec2(display.x - exit_width - language_width - 2 * inset, button_top));
        if (tap_button(ui, "nav.change_language", language_label, ImVec2(language_width, button_height),
                       ButtonKind::Secondary))
            ui.memory.choosing_language = !ui.memory.choosing_language;
    }
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
    const float bar = draw_top_bar(ui, display);
    // The result keeps Finish in reach below the scrolled content.
    const bool staff = staff_showing(ui);
    const float footer =
        !staff && ui.session.step() == Step::Result ? theme().button_height * ui.em() + 0.8f * ui.em() : 0.f;
    const Step step = ui.session.step();
    {
        ScrollRegion scroll(ui, "screen.scroll", ImVec2(0, bar), ImVec2(display.x, display.y - bar - footer));
        // A new screen or question starts at the top, however far the last one was scrolled.
        const Question* question = ui.session.current_question();
        const std::string shown = screen_name(ui.session, ui.staff ? &ui.staff->panel : nullptr) +
                                  (question ? "/" + question->id : std::string());
        if (shown != ui.memory.shown_screen) {
            ImGui::SetScrollY(0);
            ui.memory.scroll_velocity = 0;
        }
        ui.memory.shown_screen = shown;
        const ScreenArea area{scroll.origin(), scroll.size()};
        if (staff && ui.staff->panel.view() == StaffPanel::View::Pin)
            draw_staff_pin(ui, *ui.staff, area);
        else if (staff)
            draw_staff_panel(ui, *ui.staff, area);
        else
            switch (step) {
            case Step::Welcome: draw_welcome_screen(ui, area); break;
            case Step::Privacy: draw_privacy_screen(ui, area); break;
            case Step::Question: draw_question_screen(ui, area); break;
            case Step::Result: draw_result_screen(ui, area); break;
            }
    }
    if (!staff && step == Step::Result && ui.session.step() == Step::Result)
        draw_result_footer(ui, ImVec2(0, display.y - footer), ImVec2(display.x, footer));
    ImGui::End();

    // Overlays cover the screen below the top bar, so Exit stays in reach.
    if (ui.session.step() == Step::Welcome || staff_showing(ui)) ui.memory.choosing_language = false;
    const ImVec2 below_bar(display.x, display.y - bar);
    if (staff_showing(ui)) return;  // staff are not asked "Still there?"; the panel closes itself when idle
    if (ui.idle_seconds_left > 0)
        draw_idle_prompt(ui, ImVec2(0, bar), below_bar, ui.idle_seconds_left);
    else if (ui.memory.choosing_language)
        draw_language_picker(ui, ImVec2(0, bar), below_bar);
}

}  // namespace selfcheck::ui
