// One question: progress, the question in large type, then big answer buttons or, for an
// amount, a number pad; and Back.
#include "kiosk/ui/screens/screens.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

namespace selfcheck::ui {
namespace {

void draw_progress(UiContext& ui, float top, float left, float width) {
    const Theme& t = theme();
    const float em = ui.em();
    const std::string label = ui.messages.format(
        ui.locale(), "nav.progress", {{"current", long(ui.session.position())}, {"total", long(ui.session.total())}});
    ImGui::SetCursorScreenPos(ImVec2(left, top));
    wrapped_text(ui, label, ui.fonts.body, width, t.muted_text);
    const ImVec2 bar_min(left, ImGui::GetCursorScreenPos().y);
    const ImVec2 bar_max(left + width, bar_min.y + 0.4f * em);
    const float done = ui.session.total() ? float(ui.session.position()) / float(ui.session.total()) : 0.f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(bar_min, bar_max, t.progress_track, 0.2f * em);
    draw->AddRectFilled(bar_min, ImVec2(bar_min.x + width * done, bar_max.y), t.primary, 0.2f * em);
    ImGui::Dummy(ImVec2(width, 0.4f * em));
}

// Returns the y below the answers.
float draw_choices(UiContext& ui, const Question& question, float left, float width, bool landscape) {
    const Theme& t = theme();
    const float em = ui.em();
    const ButtonGrid grid =
        make_button_grid(left, ImGui::GetCursorScreenPos().y, width, t.button_height * em, em, landscape);
    int index = 0;
    for (const AnswerOption& option : question.options) {
        ImGui::SetCursorScreenPos(grid.cell(index++));
        if (tap_button(ui, "answer." + option.code, ui.text(option.text_key),
                       ImVec2(grid.cell_width, grid.cell_height))) {
            ui.session.answer(option.code);
            break;  // the session moved on; the next question is drawn next frame
        }
    }
    return grid.bottom(int(question.options.size()));
}

}  // namespace

void draw_question_screen(UiContext& ui, const ScreenArea& area) {
    const Question* question = ui.session.current_question();
    if (!question) return;
    const Theme& t = theme();
    const float em = ui.em();
    const auto [left, width] = centred_column(area, 36, em);

    draw_progress(ui, area.min.y + 0.8f * em, left, width);
    ImGui::Dummy(ImVec2(0, 0.6f * em));
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
    wrapped_text(ui, ui.text(question->text_key), ui.fonts.title, width, t.text);
    if (!question->help_key.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y + 0.3f * em));
        wrapped_text(ui, ui.text(question->help_key), ui.fonts.body, width, t.muted_text);
    }
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y + 0.6f * em));

    const Step before = ui.session.step();
    const std::string asked = question->id;
    float bottom = 0;
    if (question->type == QuestionType::Choice) {
        bottom = draw_choices(ui, *question, left, width, area.landscape());
    } else {
        draw_number_pad(ui, *question, left, width, area.landscape());
        bottom = ImGui::GetCursorScreenPos().y;
    }
    if (ui.session.step() != before || !ui.session.current_question() || ui.session.current_question()->id != asked)
        return;  // answered this frame

    const float back_width = std::min(width, 10 * em);
    ImGui::SetCursorScreenPos(ImVec2(left, bottom + 0.4f * em));
    if (tap_button(ui, "nav.back", ui.text("nav.back"), ImVec2(back_width, t.button_height * em),
                   ButtonKind::Secondary))
        ui.session.back();
    ImGui::Dummy(ImVec2(0, em));
}

}  // namespace selfcheck::ui
