// One question: progress, the question, then big answer buttons or, for an amount, a number
// pad; Back is in the bottom bar. The layout adapts until every answer fits without
// scrolling: first tighter spacing, then the question in body type, then the question's
// help behind a "Read more" tap. Where even that cannot fit (six long answers at 18 pt on a
// phone) the screen scrolls, the cue strip says so and Back stays in its bar. On a landscape screen the question stands
// on the left and the answers on the right.
#include "kiosk/ui/icons.h"
#include "kiosk/ui/screens/screens.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace selfcheck::ui {
namespace {

constexpr float kMinTargetEm = 1.45f;  // 9 mm at every size the kiosk runs at (see em_for_display)

struct Fit {
    ImFont* question_font;
    float gap;               // between answers, in px
    float min_answer;        // px
    int columns;             // answers side by side
    float answer_pad;        // air above and below an answer's label, in em
    bool help_behind_a_tap;  // the question's help shown when she taps "Read more"
};

// "3 of 31" and the bar beside it, on one line: the label takes the width it needs (up to
// most of the line, then it wraps) and the bar the rest.
std::string progress_label(UiContext& ui) {
    return ui.messages.format(ui.locale(), "nav.progress",
                              {{"current", long(ui.session.position())}, {"total", long(ui.session.total())}});
}

float progress_label_width(UiContext& ui, const std::string& label, float width) {
    ImFont* font = ui.fonts.body;
    const float natural = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, label.c_str()).x;
    return std::min(std::ceil(natural) + 1.0f, width * 0.7f);
}

float progress_height(UiContext& ui, float width) {
    const std::string label = progress_label(ui);
    return std::max(ui.em(), wrapped_height(ui, ui.fonts.body, label, progress_label_width(ui, label, width)));
}

void draw_progress(UiContext& ui, float top, float left, float width) {
    const Theme& t = theme();
    const float em = ui.em();
    const std::string label = progress_label(ui);
    const float label_width = progress_label_width(ui, label, width);
    ImGui::SetCursorScreenPos(ImVec2(left, top));
    wrapped_text(ui, label, ui.fonts.body, label_width, t.muted_text);
    const ImVec2 bar_min(left + label_width + 0.6f * em, top + 0.35f * em);
    const ImVec2 bar_max(left + width, bar_min.y + 0.35f * em);
    width = bar_max.x - bar_min.x;
    const float done = ui.session.total() ? float(ui.session.position()) / float(ui.session.total()) : 0.f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(bar_min, bar_max, t.progress_track, 0.2f * em);
    draw->AddRectFilled(bar_min, ImVec2(bar_min.x + width * done, bar_max.y), t.primary, 0.2f * em);
}

const ButtonLook kHelpLook{icon::kInfo, true};

// Progress, question and its help (or the tap that shows it): the height they take.
float head_height(UiContext& ui, const Question& q, const Fit& fit, float width) {
    const float em = ui.em();
    float h =
        progress_height(ui, width) + 0.5f * em + wrapped_height(ui, fit.question_font, ui.text(q.text_key), width);
    if (!q.help_key.empty()) {
        h += 0.3f * em;
        if (fit.help_behind_a_tap && !ui.memory.help_open)
            h += button_height_for(ui, ui.text("nav.question_help"), width, kMinTargetEm * em, kHelpLook, 0.45f);
        else
            h += wrapped_height(ui, ui.fonts.body, ui.text(q.help_key), width);
    }
    return h + 0.6f * em;
}

// Returns the y below it. Positions come from the last item's bottom, not the cursor (which
// has ImGui's item spacing added): the layout takes exactly the height head_height() counted.
float draw_head(UiContext& ui, const Question& q, const Fit& fit, float left, float top, float width) {
    const Theme& t = theme();
    const float em = ui.em();
    draw_progress(ui, top, left, width);
    ImGui::SetCursorScreenPos(ImVec2(left, top + progress_height(ui, width) + 0.5f * em));
    ui.registry.mark_next_heading();
    wrapped_text(ui, ui.text(q.text_key), fit.question_font, width, t.text);
    float bottom = ImGui::GetItemRectMax().y;
    if (!q.help_key.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(left, bottom + 0.3f * em));
        if (fit.help_behind_a_tap && !ui.memory.help_open) {
            const std::string label = ui.text("nav.question_help");
            const float h = button_height_for(ui, label, width, kMinTargetEm * em, kHelpLook, 0.45f);
            if (tap_button(ui, "question.help", label, ImVec2(width, h), ButtonKind::Secondary, kHelpLook))
                ui.memory.help_open = true;
        } else {
            wrapped_text(ui, ui.text(q.help_key), ui.fonts.body, width, t.muted_text);
        }
        bottom = ImGui::GetItemRectMax().y;
    }
    return bottom + 0.6f * em;
}

// The answers' row heights in `fit`, for `width`.
std::vector<float> answer_rows(UiContext& ui, const Question& q, const Fit& fit, float width) {
    const float cell = (width - fit.gap * float(fit.columns - 1)) / float(fit.columns);
    std::vector<float> rows;
    for (size_t i = 0; i < q.options.size(); ++i) {
        const AnswerOption& option = q.options[i];
        const float h = button_height_for(ui, ui.text(option.text_key), cell, fit.min_answer,
                                          {icon::for_answer(option.code), true}, fit.answer_pad);
        if (i % size_t(fit.columns) == 0)
            rows.push_back(h);
        else
            rows.back() = std::max(rows.back(), h);
    }
    return rows;
}

float answers_height(const std::vector<float>& rows, float gap) {
    float h = 0;
    for (float r : rows) h += r;
    return h + gap * float(rows.empty() ? 0 : rows.size() - 1);
}

// Returns true when the session moved on (answered).
bool draw_answers(UiContext& ui, const Question& q, const Fit& fit, float left, float top, float width) {
    const std::vector<float> rows = answer_rows(ui, q, fit, width);
    const float cell = (width - fit.gap * float(fit.columns - 1)) / float(fit.columns);
    float y = top;
    for (size_t i = 0; i < q.options.size(); ++i) {
        const size_t row = i / size_t(fit.columns), column = i % size_t(fit.columns);
        if (i > 0 && column == 0) y += rows[row - 1] + fit.gap;
        const AnswerOption& option = q.options[i];
        ImGui::SetCursorScreenPos(ImVec2(left + float(column) * (cell + fit.gap), y));
        if (tap_button(ui, "answer." + option.code, ui.text(option.text_key), ImVec2(cell, rows[row]),
                       ButtonKind::Secondary, {icon::for_answer(option.code), true})) {
            ui.session.answer(option.code);
            return true;  // the next question is drawn next frame
        }
    }
    return false;
}

}  // namespace

void draw_question_screen(UiContext& ui, const ScreenArea& area) {
    const Question* question = ui.session.current_question();
    if (!question) return;
    const Theme& t = theme();
    const float em = ui.em();
    const float pad = t.padding * em;
    const bool number = question->type == QuestionType::Number;
    // Landscape and wide: the question on the left, answers or pad on the right.
    const bool two_panes = area.landscape() && area.width() >= 40 * em;
    float head_left, head_width, body_left, body_width;
    if (two_panes) {
        const float total = std::min(area.width() - 2 * pad, 64 * em);
        head_left = area.min.x + (area.width() - total) * 0.5f;
        head_width = std::round((total - 2 * pad) * 0.48f);
        body_left = head_left + head_width + 2 * pad;
        body_width = total - head_width - 2 * pad;
    } else {
        const Column column = centred_column(area, 36, em);
        head_left = body_left = column.left;
        head_width = body_width = column.width;
    }
    const float top = area.min.y + 0.7f * em;
    const float bottom = area.min.y + area.height() - 0.5f * em;

    // The first way of laying out that fits the screen, from roomiest to tightest.
    const Fit fits[] = {
        {ui.fonts.title, t.gap * em, 2.6f * em, 1, 0.7f, false},
        {ui.fonts.title, 0.35f * em, kMinTargetEm * em, 1, 0.45f, false},
        {ui.fonts.body, 0.3f * em, kMinTargetEm * em, 1, 0.45f, false},
        {ui.fonts.body, 0.3f * em, kMinTargetEm * em, 1, 0.45f, true},
    };
    // (Two columns of answers were tried: on a phone every label then wraps to three or four
    // lines, which is taller and harder to read than one column that scrolls.)
    const Fit* chosen = &fits[std::size(fits) - 1];
    for (const Fit& fit : fits) {
        const float head = head_height(ui, *question, fit, head_width);
        float body = 0;
        if (number)
            body = 2.2f * em + 4 * kMinTargetEm * em + 3 * 0.3f * em;  // value and the smallest pad
        else
            body = answers_height(answer_rows(ui, *question, fit, body_width), fit.gap);
        const float needed = two_panes ? std::max(head, body) : head + body;
        if (top + needed <= bottom) {
            chosen = &fit;
            break;
        }
    }

    const float head_bottom = draw_head(ui, *question, *chosen, head_left, top, head_width);
    const float body_top = two_panes ? top : head_bottom;
    if (number)
        draw_number_pad(ui, *question, body_left, body_top, body_width, std::max(0.f, bottom - body_top));
    else
        draw_answers(ui, *question, *chosen, body_left, body_top, body_width);
}

}  // namespace selfcheck::ui
