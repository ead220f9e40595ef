// The result, leading with what to do. When she may be in danger now (the content marks which
// answers say so), at any level: "What to do now" in the urgent panel, then 999 and the urgent
// help entries, then why (the urgent explanation), then the level's outcome. Otherwise: the outcome panel in the
// level's colour and icon, then "What to do now" with the one to three contacts that fit her answers. Then her rights
// as titles she can tap open, then the other places that can help. Finish is in the bottom bar.
#include "kiosk/core/help_plan.h"
#include "kiosk/core/qr_code.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/screens/screens.h"
#include "kiosk/ui/text_layout.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"
#include "protocol/content/contact_link.h"
#include "protocol/content/scoring.h"

#include <cmath>

namespace selfcheck::ui {
namespace {

void paragraph(UiContext& ui, float left, float top, float width, const std::string& text, ImFont* font, ImU32 colour) {
    ImGui::SetCursorScreenPos(ImVec2(left, top));
    wrapped_text(ui, text, font, width, colour);
}

float below() { return ImGui::GetCursorScreenPos().y; }

// A QR code she can scan with her own phone: at least kMinQrMm across at the screen's
// density, in whole pixels per module so it stays sharp. Returns the symbol's side.
float draw_qr(UiContext& ui, const std::string& name, const std::string& link, ImVec2 at) {
    const QrCode code = QrCode::encode(link);
    const float least = 25.0f * ui.dpi / 25.4f;
    const float module = std::ceil(least / float(code.size()));
    const ImVec2 origin(std::floor(at.x), std::floor(at.y));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (const QrCode::Run& run : code.dark_runs())
        draw->AddRectFilled(ImVec2(origin.x + float(run.x_begin) * module, origin.y + float(run.y) * module),
                            ImVec2(origin.x + float(run.x_end) * module, origin.y + float(run.y + 1) * module),
                            theme().text);
    const float side = module * float(code.size());
    ui.registry.record_widget(name, {origin, ImVec2(origin.x + side, origin.y + side)});
    return side;
}

// One organisation: its name and number first, a QR code of the number with "Scan to call"
// beside it, then what it helps with, its hours and address, all full width.
void draw_help_card(UiContext& ui, const Organisation& org, const std::string& today, float left, float width) {
    const Theme& t = theme();
    const float em = ui.em();
    const float top = below();
    Card card(ui, "card." + org.id, left, top, width);
    const float x = left + 0.8f * em, inner = width - 1.6f * em;
    paragraph(ui, x, top + 0.6f * em, inner, ui.text(org.name_key), ui.fonts.title, t.text);
    if (!org.phone.empty())
        paragraph(ui, x, below() + 0.2f * em, inner, ui.text("result.phone") + " " + org.phone, ui.fonts.title,
                  t.primary);
    if (!org.whatsapp.empty())
        paragraph(ui, x, below() + 0.2f * em, inner, ui.text("result.whatsapp") + " " + org.whatsapp, ui.fonts.title,
                  t.primary);
    const std::string link = !org.phone.empty()      ? tel_link(org.phone)
                             : !org.whatsapp.empty() ? whatsapp_link(org.whatsapp)
                                                     : "";
    if (!link.empty()) {
        // The card's white margin and a gap of four modules beside it are the quiet zone.
        const float qr_top = below() + 0.8f * em;
        const float side = draw_qr(ui, "qr." + org.id, link, ImVec2(x + 0.4f * em, qr_top));
        const float beside = x + 0.4f * em + side + 1.2f * em;
        if (left + width - 0.8f * em - beside >= 5 * em) {
            paragraph(ui, beside, qr_top + (side - ui.fonts.body->FontSize) * 0.5f, left + width - 0.8f * em - beside,
                      ui.text("result.scan_qr"), ui.fonts.body, t.muted_text);
        } else {
            paragraph(ui, x, qr_top + side + 0.6f * em, inner, ui.text("result.scan_qr"), ui.fonts.body, t.muted_text);
        }
        ImGui::SetCursorScreenPos(ImVec2(x, std::max(below(), qr_top + side + 0.8f * em)));
    }
    paragraph(ui, x, below() + 0.3f * em, inner, ui.text(org.helps_key), ui.fonts.body, t.text);
    paragraph(ui, x, below() + 0.2f * em, inner, ui.text(org.hours_key), ui.fonts.body, t.muted_text);
    if (!org.address_key.empty())
        paragraph(ui, x, below() + 0.2f * em, inner, ui.text(org.address_key), ui.fonts.body, t.muted_text);
    // The content decides: a number not verified, or past its review date. No number, nothing to check.
    if (org.number_needs_check(today))
        paragraph(ui, x, below() + 0.2f * em, inner, ui.text("result.please_check"), ui.fonts.body, t.muted_text);
    const float bottom = below() + 0.6f * em;
    card.end(bottom);
    ImGui::SetCursorScreenPos(ImVec2(left, bottom + 0.6f * em));
}

void heading(UiContext& ui, float left, float width, const std::string& text) {
    paragraph(ui, left, below() + 0.9f * ui.em(), width, text, ui.fonts.title, theme().text);
    ImGui::SetCursorScreenPos(ImVec2(left, below() + 0.4f * ui.em()));
}

// A right's title she can tap to read what it means; open, its explanation shows beneath.
void draw_right(UiContext& ui, const Right& right, float left, float width) {
    const Theme& t = theme();
    const float em = ui.em();
    const bool open = ui.memory.open_rights.count(right.id) > 0;
    const std::string title = ui.text(right.title_key);
    const ButtonLook look{open ? icon::kShowLess : icon::kMoreBelow, true};
    const float height = button_height_for(ui, title, width, 1.45f * em, look);
    ImGui::SetCursorScreenPos(ImVec2(left, below()));
    if (tap_button(ui, "right." + right.id, title, ImVec2(width, height), ButtonKind::Secondary, look)) {
        if (open)
            ui.memory.open_rights.erase(right.id);
        else
            ui.memory.open_rights.insert(right.id);
    }
    if (open)
        paragraph(ui, left + 0.8f * em, below() + 0.3f * em, width - 0.8f * em, ui.text(right.explain_key),
                  ui.fonts.body, t.text);
    ImGui::SetCursorScreenPos(ImVec2(left, below() + 0.35f * em));
}

// A panel in a level's colour with its icon, its title in large type beside the icon, then
// `body` unless it is empty; the cursor is left under the panel. A title that would take more
// than three lines beside the icon (a long Tagalog or Indonesian title on a phone) runs the
// panel's full width under the icon if that takes three lines or fewer, so it stays large;
// else it stays beside the icon in body type, so what to do comes into view sooner.
void draw_panel(UiContext& ui, const std::string& name, const LevelStyle& style, const std::string& title,
                const std::string& body, float left, float width, bool is_heading) {
    const Theme& t = theme();
    const float em = ui.em();
    const float top = below();
    Card panel(ui, name, left, top, width, style.tint, style.colour);
    ImFont* font = ui.fonts.title;
    const float inner_left = left + 0.8f * em, inner = width - 1.6f * em;
    const ImVec2 icon = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, style.icon);
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(inner_left, top + 0.6f * em), style.colour,
                                        style.icon);
    float text_left = inner_left + icon.x + 0.5f * em, text_top = top + 0.6f * em;
    // The title stays in title type, larger than the explanation under it: beside the icon in
    // up to three lines, else under the icon at full width; body type only past five lines.
    auto lines = [&](ImFont* f, float w) { return wrap_text(f, f->FontSize, title, w, ui.locale()).lines.size(); };
    if (lines(font, inner_left + inner - text_left) > 3) {
        text_left = inner_left;
        text_top += icon.y + 0.2f * em;
        if (lines(font, inner) > 5) font = ui.fonts.body;
    }
    if (is_heading) ui.registry.mark_next_heading();
    paragraph(ui, text_left, text_top, inner_left + inner - text_left, title, font, t.text);
    if (!body.empty()) paragraph(ui, inner_left, below() + 0.4f * em, inner, body, ui.fonts.body, t.text);
    const float bottom = below() + 0.6f * em;
    panel.end(bottom);
    ImGui::SetCursorScreenPos(ImVec2(left, bottom + 0.6f * em));
}

}  // namespace

void draw_result_screen(UiContext& ui, const ScreenArea& area) {
    const Assessment* assessment = ui.session.assessment();
    if (!assessment || !assessment->level) return;
    const Theme& t = theme();
    const float em = ui.em();
    const auto [left, width] = centred_column(area, 36, em);
    const ResultLevel& level = *assessment->level;
    const Content& content = ui.session.content();
    const std::string& today = ui.session.assessed_on();
    const HelpPlan plan = plan_help(content, *assessment, ui.locale(), today);
    const LevelStyle& style = level_style(level.id);
    ImGui::SetCursorScreenPos(ImVec2(left, area.min.y + 0.8f * em));

    if (plan.urgent) {
        // She may be in danger now: what to do, then whom to call, before anything else. On a
        // phone the explanation would push 999 off the first screen, so it follows the calls.
        draw_panel(ui, "urgent", theme().urgent, ui.text(content.scoring.urgent_title_key), "", left, width, true);
        for (const Organisation* org : plan.now) draw_help_card(ui, *org, today, left, width);
        paragraph(ui, left, below(), width, ui.text(content.scoring.urgent_explain_key), ui.fonts.body, t.text);
        ImGui::SetCursorScreenPos(ImVec2(left, below() + 1.0f * em));
        draw_panel(ui, "outcome", style, ui.text(level.title_key), ui.text(level.explain_key), left, width, false);
        paragraph(ui, left, below(), width, ui.text(level.next_steps_key), ui.fonts.body, t.text);
    } else {
        draw_panel(ui, "outcome", style, ui.text(level.title_key), ui.text(level.explain_key), left, width, true);
        heading(ui, left, width, ui.text("result.todo_heading"));
        paragraph(ui, left, below(), width, ui.text(level.next_steps_key), ui.fonts.body, t.text);
        ImGui::SetCursorScreenPos(ImVec2(left, below() + 0.6f * em));
        for (const Organisation* org : plan.now) draw_help_card(ui, *org, today, left, width);
    }

    if (!assessment->breaches.empty()) {
        heading(ui, left, width, ui.text("result.rights_heading"));
        paragraph(ui, left, below(), width, ui.text("result.rights_hint"), ui.fonts.body, t.muted_text);
        ImGui::SetCursorScreenPos(ImVec2(left, below() + 0.4f * em));
        for (const Right& right : content.rights)  // in the order the content lists them
            if (assessment->breaches.count(right.id)) draw_right(ui, right, left, width);
    }

    if (!plan.more.empty()) {
        heading(ui, left, width, ui.text("result.help_heading"));
        for (const Organisation* org : plan.more) draw_help_card(ui, *org, today, left, width);
    }
    // True in both modes: an enrolled kiosk kept her answers without her name; a demo one kept nothing.
    paragraph(ui, left, below() + 0.6f * em, width, ui.text(ui.keeps_records ? "thanks.body" : "result.closing_demo"),
              ui.fonts.body, t.muted_text);
    ImGui::Dummy(ImVec2(0, em));
}

}  // namespace selfcheck::ui
