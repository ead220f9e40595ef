// One question: progress, the question in large type, big answer buttons, and Back.
#include "screens.h"

#include "theme.h"
#include "widgets.h"

namespace selfcheck::ui {
namespace {

void draw_progress(UiContext& ui, const ScreenArea& area, float left, float width) {
    const Theme& t = theme();
    const float em = ui.em();
    const std::string label = ui.messages.format(
        ui.locale(), "nav.progress", {{"current", long(ui.session.position())}, {"total", long(ui.session.total())}});
    ImGui::SetCursorScreenPos(ImVec2(left, area.min.y + 0.8f * em));
    wrapped_text(ui, label, ui.fonts.body, width, t.muted_text);
    const ImVec2 bar_min(left, ImGui::GetCursorScreenPos().y);
    const ImVec2 bar_max(left + width, bar_min.y + 0.4f * em);
    const float done = ui.session.total() ? float(ui.session.position()) / float(ui.session.total()) : 0.f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(bar_min, bar_max, t.progress_track, 0.2f * em);
    draw->AddRectFilled(bar_min, ImVec2(bar_min.x + width * done, bar_max.y), t.primary, 0.2f * em);
    ImGui::Dummy(ImVec2(width, 0.4f * em));
}

}  // namespace

void draw_question_screen(UiContext& ui, const ScreenArea& area) {
    const Question* question = ui.session.current_question();
    if (!question) return;
    const Theme& t = theme();
    const float em = ui.em();
    const auto [left, width] = centred_column(area, 36, em);

    draw_progress(ui, area, left, width);
    ImGui::Dummy(ImVec2(0, 0.6f * em));
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
    wrapped_text(ui, ui.text(question->text_key), ui.fonts.title, width, t.text);
    ImGui::Dummy(ImVec2(0, 0.6f * em));

    const ButtonGrid grid = make_button_grid(left, ImGui::GetCursorScreenPos().y, width, t.button_height * em, em,
                                             area.landscape());
    int index = 0;
    for (const AnswerOption& option : question->options) {
        ImGui::SetCursorScreenPos(grid.cell(index++));
        if (tap_button(ui, "answer." + option.code, ui.text(option.text_key), ImVec2(grid.cell_width, grid.cell_height))) {
            ui.session.answer(option.code);
            return;  // the session moved on; draw the next question next frame
        }
    }

    const float back_width = std::min(width, 10 * em);
    ImGui::SetCursorScreenPos(ImVec2(left, grid.bottom(index) + 0.4f * em));
    if (tap_button(ui, "nav.back", ui.text("nav.back"), ImVec2(back_width, t.button_height * em), ButtonKind::Secondary))
        ui.session.back();
}

}  // namespace selfcheck::ui
