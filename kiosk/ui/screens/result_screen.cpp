// The result, leading with what to do: an outcome panel in the level's colour and icon, then
// "What to do now" with the one to three contacts that fit her answers (999 and a shelter
// first when she reported violence, being locked in or threats), then her rights as titles
// she can tap open, then the other places that can help. Finish is in the bottom bar.
#include "kiosk/core/help_plan.h"
#include "kiosk/core/qr_code.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/screens/screens.h"
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
void draw_help_card(UiContext& ui, const Organisation& org, float left, float width) {
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
    // Only where a number is shown is there a number to check.
    if (!org.is_verified() && !link.empty())
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

}  // namespace

void draw_result_screen(UiContext& ui, const ScreenArea& area) {
    const Assessment* assessment = ui.session.assessment();
    if (!assessment || !assessment->level) return;
    const Theme& t = theme();
    const float em = ui.em();
    const auto [left, width] = centred_column(area, 36, em);
    const ResultLevel& level = *assessment->level;
    const Content& content = ui.session.content();
    const HelpPlan plan = plan_help(content, *assessment, ui.locale());

    // The outcome: the level's colour and icon, its title, and (unless help is urgent) what it means.
    const LevelStyle& style = level_style(level.id);
    const float top = area.min.y + 0.8f * em;
    {
        Card panel(ui, "outcome", left, top, width, style.tint, style.colour);
        // Large type, unless that takes more than three lines (a phone): then body type, so
        // what to do comes into view sooner. The colour and icon still mark it.
        ImFont* font = ui.fonts.title;
        const float beside =
            width - 1.6f * em - font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, style.icon).x - 0.5f * em;
        if (wrapped_height(ui, font, ui.text(level.title_key), beside) > 3.5f * font->FontSize) font = ui.fonts.body;
        const float icon_w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, style.icon).x;
        ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(left + 0.8f * em, top + 0.6f * em),
                                            style.colour, style.icon);
        const float text_left = left + 0.8f * em + icon_w + 0.5f * em;
        ui.registry.mark_next_heading();
        paragraph(ui, text_left, top + 0.6f * em, left + width - 0.8f * em - text_left, ui.text(level.title_key), font,
                  t.text);
        if (!plan.urgent)
            paragraph(ui, left + 0.8f * em, below() + 0.4f * em, width - 1.6f * em, ui.text(level.explain_key),
                      ui.fonts.body, t.text);
        panel.end(below() + 0.6f * em);
    }
    ImGui::SetCursorScreenPos(ImVec2(left, below() + 0.6f * em));

    // What to do now: the contacts first when help is urgent, the advice first otherwise.
    heading(ui, left, width, ui.text("result.todo_heading"));
    if (!plan.urgent) paragraph(ui, left, below(), width, ui.text(level.next_steps_key), ui.fonts.body, t.text);
    if (!plan.urgent) ImGui::SetCursorScreenPos(ImVec2(left, below() + 0.6f * em));
    for (const Organisation* org : plan.now) draw_help_card(ui, *org, left, width);
    if (plan.urgent) {
        paragraph(ui, left, below(), width, ui.text(level.explain_key), ui.fonts.body, t.text);
        paragraph(ui, left, below() + 0.4f * em, width, ui.text(level.next_steps_key), ui.fonts.body, t.text);
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
        for (const Organisation* org : plan.more) draw_help_card(ui, *org, left, width);
    }
    // True in both modes: an enrolled kiosk kept her answers without her name; a demo one kept nothing.
    paragraph(ui, left, below() + 0.6f * em, width, ui.text(ui.keeps_records ? "thanks.body" : "result.closing_demo"),
              ui.fonts.body, t.muted_text);
    ImGui::Dummy(ImVec2(0, em));
}

}  // namespace selfcheck::ui
