// The result, in plain words: what the answers suggest (never "you are a victim"), the
// Hong Kong rights concerned, and who can help. Finish stays fixed at the bottom.
#include "kiosk/core/qr_code.h"
#include "kiosk/ui/screens/screens.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"
#include "protocol/content/contact_link.h"
#include "protocol/content/scoring.h"

#include <cmath>

namespace selfcheck::ui {
namespace {

void gap(float height) { ImGui::Dummy(ImVec2(0, height)); }

void paragraph(UiContext& ui, float left, float width, const std::string& text, ImFont* font, ImU32 colour) {
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
    wrapped_text(ui, text, font, width, colour);
}

// A QR code she can scan with her own phone, `side` pixels square with its quiet zone, drawn
// in whole pixels per module so it stays sharp.
void draw_qr(const std::string& link, ImVec2 at, float side, ImU32 ink) {
    const QrCode code = QrCode::encode(link);
    const int modules = code.size() + 8;  // four light modules of quiet zone each side
    const float module = std::floor(side / float(modules));
    const ImVec2 origin(std::floor(at.x + (side - module * float(modules)) * 0.5f + 4 * module),
                        std::floor(at.y + (side - module * float(modules)) * 0.5f + 4 * module));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (const QrCode::Run& run : code.dark_runs())
        draw->AddRectFilled(ImVec2(origin.x + float(run.x_begin) * module, origin.y + float(run.y) * module),
                            ImVec2(origin.x + float(run.x_end) * module, origin.y + float(run.y + 1) * module), ink);
}

// One organisation: name, what it helps with, hours, how to reach it, and a QR code of its
// phone (or WhatsApp) number.
void draw_help_card(UiContext& ui, const Organisation& org, float left, float width) {
    const Theme& t = theme();
    const float em = ui.em();
    const std::string link = !org.phone.empty()      ? tel_link(org.phone)
                             : !org.whatsapp.empty() ? whatsapp_link(org.whatsapp)
                                                     : "";
    const float qr_side = link.empty() ? 0.f : std::min(6.5f * em, width * 0.35f);
    const float inner = width - 1.6f * em - (link.empty() ? 0.f : qr_side + 0.6f * em);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 top_left(left, ImGui::GetCursorScreenPos().y);
    draw->ChannelsSplit(2);  // card background behind text whose height is known only after drawing
    draw->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(left + 0.8f * em, top_left.y + 0.6f * em));
    paragraph(ui, left + 0.8f * em, inner, ui.text(org.name_key), ui.fonts.title, t.text);
    paragraph(ui, left + 0.8f * em, inner, ui.text(org.helps_key), ui.fonts.body, t.text);
    paragraph(ui, left + 0.8f * em, inner, ui.text(org.hours_key), ui.fonts.body, t.muted_text);
    if (!org.phone.empty())
        paragraph(ui, left + 0.8f * em, inner, ui.text("result.phone") + " " + org.phone, ui.fonts.title, t.text);
    if (!org.whatsapp.empty())
        paragraph(ui, left + 0.8f * em, inner, ui.text("result.whatsapp") + " " + org.whatsapp, ui.fonts.title, t.text);
    if (!org.address_key.empty())
        paragraph(ui, left + 0.8f * em, inner, ui.text(org.address_key), ui.fonts.body, t.muted_text);
    if (!org.is_verified())
        paragraph(ui, left + 0.8f * em, inner, ui.text("result.please_check"), ui.fonts.body, t.muted_text);
    float bottom = ImGui::GetCursorScreenPos().y + 0.6f * em;
    if (!link.empty()) {
        const ImVec2 qr_at(left + width - 0.8f * em - qr_side, top_left.y + 0.6f * em);
        draw_qr(link, qr_at, qr_side, t.text);
        ImGui::SetCursorScreenPos(ImVec2(qr_at.x, qr_at.y + qr_side));
        wrapped_text(ui, ui.text("result.scan_qr"), ui.fonts.body, qr_side, t.muted_text);
        ui.registry.record_widget("qr." + org.id, {qr_at, ImVec2(qr_at.x + qr_side, qr_at.y + qr_side)});
        bottom = std::max(bottom, ImGui::GetCursorScreenPos().y + 0.6f * em);
    }
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(top_left, ImVec2(left + width, bottom), t.card, t.rounding * em);
    draw->ChannelsMerge();
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

    ImGui::SetCursorScreenPos(ImVec2(left, area.min.y + em));
    paragraph(ui, left, width, ui.text(level.title_key), ui.fonts.title, t.text);
    gap(0.4f * em);
    paragraph(ui, left, width, ui.text(level.explain_key), ui.fonts.body, t.text);
    gap(0.4f * em);
    paragraph(ui, left, width, ui.text(level.next_steps_key), ui.fonts.body, t.text);

    if (!assessment->breaches.empty()) {
        gap(em);
        paragraph(ui, left, width, ui.text("result.rights_heading"), ui.fonts.title, t.text);
        for (const Right& right : content.rights) {  // in the order the content lists them
            if (!assessment->breaches.count(right.id)) continue;
            gap(0.4f * em);
            paragraph(ui, left, width, ui.text(right.title_key), ui.fonts.body, t.text);
            paragraph(ui, left, width, ui.text(right.explain_key), ui.fonts.body, t.muted_text);
        }
    }

    gap(em);
    paragraph(ui, left, width, ui.text("result.help_heading"), ui.fonts.title, t.text);
    gap(0.4f * em);
    for (const Organisation* org : choose_help(content, *assessment)) draw_help_card(ui, *org, left, width);
    paragraph(ui, left, width, ui.text("thanks.body"), ui.fonts.body, t.muted_text);
    gap(em);
}

void draw_result_footer(UiContext& ui, ImVec2 min, ImVec2 size) {
    const Theme& t = theme();
    const float em = ui.em();
    ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), t.top_bar);
    const float width = std::min(size.x - 2 * t.padding * em, 36 * em);
    ImGui::SetCursorScreenPos(ImVec2(min.x + (size.x - width) * 0.5f, min.y + 0.4f * em));
    if (tap_button(ui, "result.finish", ui.text("result.finish"), ImVec2(width, size.y - 0.8f * em)))
        ui.reset_for_next_person();
}

}  // namespace selfcheck::ui
