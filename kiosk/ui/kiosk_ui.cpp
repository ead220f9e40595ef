#include "kiosk/ui/kiosk_ui.h"

#include "kiosk/audio/screen_speech.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/overlays.h"
#include "kiosk/ui/screens/screens.h"
#include "kiosk/ui/scroll_region.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

#include <algorithm>

namespace selfcheck::ui {

std::string screen_name(const Session& session, const StaffPanel* staff) {
    if (staff && staff->view() == StaffPanel::View::Pin) return "staff_pin";
    if (staff && staff->view() == StaffPanel::View::Open) return "staff_panel";
    if (staff && staff->view() == StaffPanel::View::Wifi) return "staff_wifi";
    if (staff && staff->view() == StaffPanel::View::WifiPassphrase) return "staff_wifi_passphrase";
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

float text_width(ImFont* font, const std::string& text) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
}

// The widest a label is in any language the kiosk offers (and the chrome's), so a control
// has one size whatever the language.
float widest_label(const UiContext& ui, const std::string& key) {
    float widest = text_width(ui.fonts.body, ui.messages.text(ui.chrome_locale, key));
    for (const auto& language : ui.session.form().languages)
        widest = std::max(widest, text_width(ui.fonts.body, ui.messages.text(language.locale, key)));
    return widest;
}

}  // namespace

HeaderLayout header_layout(const UiContext& ui, float display_width) {
    const Theme& t = theme();
    const float em = ui.em();
    HeaderLayout h;
    h.height = t.header_height * em;
    const float inset = 0.3f * em;
    const float button_height = h.height - 2 * inset;
    const float icon_room = text_width(ui.fonts.body, icon::kExit) + 0.4f * em;
    const float exit_width = std::max(3.5f * em, widest_label(ui, "nav.quick_exit") + icon_room + 1.2f * em);
    h.exit_min = ImVec2(display_width - inset - exit_width, inset);
    h.exit_max = ImVec2(display_width - inset, inset + button_height);
    // Language: a globe and its name where there is room beside a title, else the globe alone.
    const float globe_only = std::max(2.4f * em, button_height);
    const float with_label = widest_label(ui, "nav.change_language") + icon_room + 1.2f * em;
    const float slot = button_height;  // the speaker control's place, kept on every screen so nothing moves
    h.language_label = display_width - exit_width - with_label - slot - 4 * inset >= 10 * em;
    const float language_width = h.language_label ? with_label : globe_only;
    h.language_min = ImVec2(h.exit_min.x - inset - language_width, inset);
    h.language_max = ImVec2(h.exit_min.x - inset, inset + button_height);
    h.slot_min = ImVec2(h.language_min.x - inset - slot, inset);
    h.slot_max = ImVec2(h.language_min.x - inset, inset + button_height);
    h.title_left = 0.8f * em;
    h.title_right = h.slot_min.x - inset;
    return h;
}

namespace {

// The speaker in its slot, only where every part of what shows can be heard in her language
// (never for a Tagalog message without a recording). A tap reads, the next stops; while it
// reads it is filled and shows a stop square.
void draw_speaker(UiContext& ui, const HeaderLayout& h, const audio::ScreenSpeech& speech) {
    if (!ui.audio || !ui.audio->can_read(ui.locale(), speech.what)) {
        ui.registry.record_widget("slot.speaker", {h.slot_min, h.slot_max});
        return;
    }
    audio::ReadAloud& audio = *ui.audio;
    const bool reading = audio.reading();
    ImGui::SetCursorScreenPos(h.slot_min);
    const ImVec2 size(h.slot_max.x - h.slot_min.x, h.slot_max.y - h.slot_min.y);
    if (tap_button(ui, "nav.read_aloud", std::string(), size, reading ? ButtonKind::Primary : ButtonKind::Secondary,
                   {reading ? icon::kStopReading : icon::kReadAloud})) {
        if (reading)
            audio.stop();
        else
            audio.read(ui.locale(), speech.what);
    }
}

// Worker screens: the neutral title at the left where it fits on one line, the speaker,
// Language and the quick exit at the right, in the same place on every screen.
void draw_worker_header(UiContext& ui, const HeaderLayout& h, ImVec2 display, const audio::ScreenSpeech& speech) {
    const Theme& t = theme();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(display.x, h.height), t.top_bar);
    ui.registry.set_backdrop(t.top_bar);
    const std::string title = ui.title.empty() ? ui.text("app.title") : ui.title;
    if (text_width(ui.fonts.body, title) <= h.title_right - h.title_left) {
        ImGui::SetCursorScreenPos(ImVec2(h.title_left, (h.height - ui.fonts.body->FontSize) * 0.5f));
        wrapped_text(ui, title, ui.fonts.body, h.title_right - h.title_left, t.muted_text);
    }
    draw_speaker(ui, h, speech);
    ImGui::SetCursorScreenPos(h.exit_min);
    const ImVec2 exit_size(h.exit_max.x - h.exit_min.x, h.exit_max.y - h.exit_min.y);
    if (tap_button(ui, "nav.quick_exit", ui.text("nav.quick_exit"), exit_size, ButtonKind::Exit, {icon::kExit}))
        ui.reset_for_next_person();
    if (ui.session.step() != Step::Welcome) {
        ImGui::SetCursorScreenPos(h.language_min);
        const ImVec2 size(h.language_max.x - h.language_min.x, h.language_max.y - h.language_min.y);
        if (tap_button(ui, "nav.change_language", h.language_label ? ui.text("nav.change_language") : std::string(),
                       size, ButtonKind::Secondary, {icon::kLanguage}))
            ui.memory.choosing_language = !ui.memory.choosing_language;
    }
    ui.registry.set_backdrop(t.background);
}

// Staff screens: a dark bar that no worker screen has, saying staff mode and whether this
// kiosk keeps records; no worker's Exit (Cancel and Close are in the bottom bar).
void draw_staff_header(UiContext& ui, const HeaderLayout& h, ImVec2 display) {
    const Theme& t = theme();
    const float em = ui.em();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(display.x, h.height), t.staff_bar);
    ui.registry.set_backdrop(t.staff_bar);
    const std::string mode = ui.text(ui.staff->enrolled ? "staff.mode_enrolled" : "staff.mode_demo");
    const std::string title = ui.text("staff.mode_title");
    // The badge on one line; the title beside it where both fit (the dark bar says staff mode anyway).
    const float mode_width = std::min(display.x - 1.6f * em, text_width(ui.fonts.body, mode) + 1.2f * em);
    const float title_width = display.x - mode_width - 2.4f * em;
    ImGui::SetCursorScreenPos(ImVec2(0.8f * em, (h.height - ui.fonts.body->FontSize) * 0.5f));
    if (text_width(ui.fonts.body, title) <= title_width)
        wrapped_text(ui, title, ui.fonts.body, title_width, t.on_staff_bar);
    // The mode as a badge: amber for demo (nothing kept), green for enrolled.
    const ImU32 badge = ui.staff->enrolled ? t.good : t.warning;
    const ImVec2 badge_min(display.x - 0.8f * em - mode_width, 0.45f * em);
    const ImVec2 badge_max(display.x - 0.8f * em, h.height - 0.45f * em);
    ImGui::GetWindowDrawList()->AddRectFilled(badge_min, badge_max, badge, t.rounding * em);
    ImGui::SetCursorScreenPos(ImVec2(badge_min.x + 0.6f * em, (h.height - ui.fonts.body->FontSize) * 0.5f));
    wrapped_text(ui, mode, ui.fonts.body, mode_width - 1.2f * em + 1, t.on_primary);
    ui.registry.set_backdrop(t.background);
}

// The strip above the bottom bar that says more lies below: never over content.
void draw_cue_strip(UiContext& ui, ImVec2 min, ImVec2 size) {
    const Theme& t = theme();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), t.background);
    draw->AddLine(min, ImVec2(min.x + size.x, min.y), t.progress_track, std::max(1.0f, 0.05f * ui.em()));
    if (!ui.memory.more_below) return;
    const std::string label = ui.text("nav.more_below");
    ImFont* font = ui.fonts.body;
    const float icon_w = text_width(font, icon::kMoreBelow);
    const float width = icon_w + 0.3f * ui.em() + text_width(font, label);
    const float x = min.x + (size.x - width) * 0.5f, y = min.y + (size.y - font->FontSize) * 0.5f;
    draw->AddText(font, font->FontSize, ImVec2(x, y), t.primary, icon::kMoreBelow);
    draw->AddText(font, font->FontSize, ImVec2(x + icon_w + 0.3f * ui.em(), y), t.primary, label.c_str());
    ui.registry.record_widget("cue.more_below", {min, ImVec2(min.x + size.x, min.y + size.y)});
    DrawnText drawn;
    drawn.text = label;
    drawn.font_size = font->FontSize;
    drawn.owner = "cue.more_below";
    drawn.locale = ui.locale();
    drawn.lines.emplace_back(0, label.size());
    drawn.overflowed = width > size.x;
    ui.registry.record_text(std::move(drawn));
}

}  // namespace

void draw_kiosk(UiContext& ui, ImVec2 display) {
    const Theme& t = theme();
    const float em = ui.em();
    ui.registry.begin_frame();
    ui.registry.set_backdrop(t.background);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("##kiosk", nullptr, flags);
    const bool staff = staff_showing(ui);
    const HeaderLayout header = header_layout(ui, display.x);
    // What shows, as it is read: a new screen or language stops the sound (and with auto-read
    // on, reads the new one) from this frame on. "Still there?" is read over any screen.
    const audio::ScreenSpeech speech = staff                      ? audio::staff_speech()
                                       : ui.idle_seconds_left > 0 ? audio::idle_speech(ui.idle_seconds_left)
                                                                  : audio::screen_speech(ui.session, ui.keeps_records);
    if (ui.audio) ui.audio->show(speech.id, ui.locale(), speech.what);
    if (staff)
        draw_staff_header(ui, header, display);
    else
        draw_worker_header(ui, header, display, speech);

    // A new screen or question starts at the top, however far the last one was scrolled.
    const Question* question = ui.session.current_question();
    const std::string shown = screen_name(ui.session, ui.staff ? &ui.staff->panel : nullptr) +
                              (question ? "/" + question->id : std::string());
    const bool new_screen = shown != ui.memory.shown_screen;
    if (new_screen) {
        ui.memory.content_height = 0;
        ui.memory.more_below = false;
        ui.memory.staff_confirm.clear();
        ui.memory.help_open = false;
    }
    ui.memory.shown_screen = shown;

    const std::vector<BarAction> actions = bottom_bar_actions(ui);
    const float bar = actions.empty() ? 0.f : t.bottom_bar_height * em;
    const float full = display.y - header.height - bar;
    const float cue = ui.memory.content_height > full + 1 ? t.cue_height * em : 0.f;
    const Step step = ui.session.step();
    {
        ScrollRegion scroll(ui, "screen.scroll", ImVec2(0, header.height), ImVec2(display.x, full - cue));
        if (new_screen) {
            ImGui::SetScrollY(0);
            ui.memory.scroll_velocity = 0;
        }
        // Screens fit themselves to the whole area; the cue strip only appears when they cannot.
        const ScreenArea area{scroll.origin(), ImVec2(display.x, full)};
        if (staff && ui.staff->panel.view() == StaffPanel::View::Pin)
            draw_staff_pin(ui, *ui.staff, area);
        else if (staff && ui.staff->panel.view() == StaffPanel::View::Wifi)
            draw_staff_wifi(ui, *ui.staff, area);
        else if (staff && ui.staff->panel.view() == StaffPanel::View::WifiPassphrase)
            draw_staff_passphrase(ui, *ui.staff, area);
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
    if (cue > 0) draw_cue_strip(ui, ImVec2(0, header.height + full - cue), ImVec2(display.x, cue));
    if (!actions.empty() && shown == ui.memory.shown_screen && ui.session.step() == step)
        draw_bottom_bar(ui, actions, ImVec2(0, display.y - bar), ImVec2(display.x, bar));
    ImGui::End();

    // Overlays cover the screen below the header, so Exit stays in reach.
    if (ui.session.step() == Step::Welcome || staff_showing(ui)) ui.memory.choosing_language = false;
    const ImVec2 below_bar(display.x, display.y - header.height);
    ui.registry.set_layer(1);
    if (staff_showing(ui)) {
        // Staff are not asked "Still there?"; the panel closes itself when idle.
        if (!ui.memory.staff_confirm.empty() && ui.staff->panel.view() == StaffPanel::View::Open)
            draw_staff_confirm(ui, *ui.staff, ImVec2(0, header.height), below_bar);
    } else if (ui.idle_seconds_left > 0) {
        draw_idle_prompt(ui, ImVec2(0, header.height), below_bar, ui.idle_seconds_left);
    } else if (ui.memory.choosing_language) {
        draw_language_picker(ui, ImVec2(0, header.height), below_bar);
    }
    ui.registry.set_layer(0);
}

}  // namespace selfcheck::ui
