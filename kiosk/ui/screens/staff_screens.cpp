// The hidden staff panel: the PIN pad, then device status and the outreach worker's
// actions. Shows counts only, never anyone's answers. Drawn in the chrome's language.
#include "kiosk/ui/keypad.h"
#include "kiosk/ui/overlays.h"
#include "kiosk/ui/screens/screens.h"
#include "kiosk/ui/screens/staff_parts.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"
#include "protocol/time/dates.h"

#include <algorithm>
#include <cmath>

namespace selfcheck::ui {
namespace {

std::string power_text(UiContext& ui, const StaffStatus& status) {
    const std::string& locale = ui.locale();
    const long percent = status.battery_percent;
    switch (status.power) {
    case PowerSource::Mains: return ui.text("staff.power_mains");
    case PowerSource::Charged: return ui.text("staff.power_charged");
    case PowerSource::OnBattery:
        if (percent >= 0) return ui.messages.format(locale, "staff.power_on_battery", {{"percent", percent}});
        break;
    case PowerSource::Charging:
        if (percent >= 0) return ui.messages.format(locale, "staff.power_charging", {{"percent", percent}});
        break;
    case PowerSource::Unknown: break;
    }
    return ui.text("staff.power_unknown");
}

std::string action_text(UiContext& ui, const StaffService::Action& action) {
    switch (action.outcome) {
    case StaffService::Outcome::None: return {};
    case StaffService::Outcome::Working: return ui.text("staff.working");
    case StaffService::Outcome::ConnectionOk: return ui.text("staff.connection_ok");
    case StaffService::Outcome::CannotStore:
        return ui.messages.format(ui.locale(), "staff.cannot_store", {{"error", action.error}});
    case StaffService::Outcome::ConnectionFailed:
        return ui.messages.format(ui.locale(), "staff.connection_failed", {{"error", action.error}});
    case StaffService::Outcome::DayEnded: return ui.text("staff.day_ended");
    case StaffService::Outcome::DayPending:
        return ui.messages.format(ui.locale(), "staff.day_pending", {{"count", long(action.pending)}});
    case StaffService::Outcome::NoCollector: return ui.text("staff.no_collector");
    }
    return {};
}

// The status lines, each a whole sentence from the messages.
std::vector<std::string> status_lines(UiContext& ui, const StaffStatus& s) {
    const std::string& locale = ui.locale();
    auto format = [&](const char* key, MessageArgs args) { return ui.messages.format(locale, key, std::move(args)); };
    std::vector<std::string> lines = {
        format("staff.completed_today", {{"count", s.completed_today}}),
        format("staff.queued", {{"count", long(s.sync.queued)}}),
        format("staff.sent", {{"count", long(s.sync.sent)}}),
        format("staff.last_sync",
               {{"when", s.sync.last_success ? hong_kong_minute(*s.sync.last_success) : ui.text("staff.never")}}),
        format("staff.last_error",
               {{"error", s.sync.last_error.empty() ? ui.text("staff.no_error") : s.sync.last_error}}),
        format("staff.battery", {{"state", power_text(ui, s)}}),
        format("staff.content", {{"form", s.form_id}, {"version", long(s.form_version)}}),
        format("staff.site", {{"site", s.site}}),
    };
    if (s.sync.rejected > 0) lines.push_back(format("staff.rejected", {{"count", long(s.sync.rejected)}}));
    return lines;
}

// Warnings staff must act on, shown right under the actions, above the status table.
std::vector<std::string> warning_lines(UiContext& ui, const StaffStatus& s) {
    std::vector<std::string> lines;
    if (!s.storage_error.empty())
        lines.push_back(ui.messages.format(ui.locale(), "staff.storage_failed", {{"error", s.storage_error}}));
    if (s.outbox_dropped > 0)
        lines.push_back(ui.messages.format(ui.locale(), "staff.outbox_dropped", {{"count", s.outbox_dropped}}));
    if (s.outbox_near_cap) lines.push_back(ui.text("staff.outbox_near_cap"));
    if (s.content_overdue > 0)
        lines.push_back(
            ui.messages.format(ui.locale(), "staff.content_review_overdue", {{"count", s.content_overdue}}));
    if (!s.content_update_refused.empty())
        lines.push_back(
            ui.messages.format(ui.locale(), "staff.content_update_refused", {{"error", s.content_update_refused}}));
    return lines;
}

}  // namespace

void gap(float em_units, float em) {
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + em_units * em));
}

Column begin_staff_screen(UiContext& ui, const ScreenArea& area, float max_em, const char* title_key) {
    const float em = ui.em();
    const Column column = centred_column(area, max_em, em);
    ImGui::SetCursorScreenPos(ImVec2(column.left, area.min.y + 0.7f * em));
    ui.registry.mark_next_heading();
    wrapped_text(ui, ui.text(title_key), ui.fonts.title, column.width, theme().text);
    return column;
}

void status_row(UiContext& ui, const std::string& line, Health health, float left, float width, bool shaded) {
    const Theme& t = theme();
    const float em = ui.em();
    const ImU32 colour = health == Health::Fine ? t.good : health == Health::Look ? t.warning : t.danger;
    const float top = ImGui::GetCursorScreenPos().y;
    const float text_left = left + 1.4f * em;
    const float height = wrapped_height(ui, ui.fonts.body, line, width - 1.8f * em) + 0.3f * em;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (shaded) draw->AddRectFilled(ImVec2(left, top), ImVec2(left + width, top + height), t.top_bar);
    draw->AddRectFilled(ImVec2(left + 0.4f * em, top + 0.3f * em), ImVec2(left + 0.9f * em, top + height - 0.3f * em),
                        colour, 0.1f * em);
    ImGui::SetCursorScreenPos(ImVec2(text_left, top + 0.15f * em));
    wrapped_text(ui, line, ui.fonts.body, width - 1.8f * em, t.text);
    ImGui::SetCursorScreenPos(ImVec2(left, top + height));
}

void draw_staff_pin(UiContext& ui, StaffView& staff, const ScreenArea& area) {
    const Theme& t = theme();
    const float em = ui.em();
    const Column column = begin_staff_screen(ui, area, 20, "staff.pin_title");
    gap(0.5f, em);

    // One dot per digit typed, in a box like the number question's: the count shows, the
    // digits never do.
    const float box_top = ImGui::GetCursorScreenPos().y;
    const float box_height = 1.7f * em;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(column.left, box_top), ImVec2(column.left + column.width, box_top + box_height), t.field,
                        t.rounding * em);
    draw->AddRect(ImVec2(column.left, box_top), ImVec2(column.left + column.width, box_top + box_height), t.edge,
                  t.rounding * em, 0, std::max(1.0f, std::round(t.edge_width * em)));
    const float radius = 0.3f * em;
    const float step = 3 * radius;
    const size_t typed = staff.panel.digits_typed();
    const float first_x = column.left + (column.width - float(typed) * step + step - 2 * radius) * 0.5f + radius;
    for (size_t i = 0; i < typed; ++i)
        draw->AddCircleFilled(ImVec2(first_x + float(i) * step, box_top + box_height * 0.5f), radius, t.text);
    ImGui::SetCursorScreenPos(ImVec2(column.left, box_top + box_height + 0.3f * em));

    // Wrong PIN or locked out: said in words, in a line that keeps its place.
    std::string feedback;
    if (const auto locked = staff.panel.locked_for(); locked.count() > 0)
        feedback = ui.messages.format(ui.locale(), "staff.locked_out", {{"seconds", long(locked.count())}});
    else if (staff.panel.last_outcome() == PinGate::Outcome::Rejected)
        feedback = ui.text("staff.pin_wrong");
    const float feedback_top = ImGui::GetCursorScreenPos().y;
    wrapped_text(ui, feedback, ui.fonts.body, column.width, t.danger);
    const float pad_top = std::max(ImGui::GetCursorScreenPos().y, feedback_top + 2 * em) + 0.3f * em;
    const float room = area.min.y + area.height() - 0.5f * em - pad_top;
    const float key_gap = 0.3f * em;

    KeypadSpec pad{"pin",    "pin.erase",         ui.text("staff.erase"),
                   "pin.ok", ui.text("staff.ok"), column.left,
                   pad_top,  column.width,        std::clamp((room - 3 * key_gap) / 4, 1.45f * em, 2.6f * em),
                   key_gap};
    const KeypadKey key = draw_keypad(ui, pad);
    switch (key.kind) {
    case KeypadKey::Digit: staff.panel.type_digit(key.digit); break;
    case KeypadKey::Left: staff.panel.erase_digit(); break;
    case KeypadKey::Right: staff.panel.submit(); break;
    case KeypadKey::None: break;
    }
}

void draw_staff_panel(UiContext& ui, StaffView& staff, const ScreenArea& area) {
    const Theme& t = theme();
    const float em = ui.em();
    const Column column = begin_staff_screen(ui, area, 40, "staff.title");
    gap(0.4f, em);

    // Every action first, where it is always in view whatever the warnings below say; they
    // ask before ending anything.
    const StaffService::Action action = staff.service.action();
    const bool busy = action.outcome == StaffService::Outcome::Working;
    struct Button {
        const char* name;
        ButtonKind kind;
    };
    std::vector<Button> buttons = {{"staff.sync_now", ButtonKind::Primary},
                                   {"staff.test_connection", ButtonKind::Secondary},
                                   {"staff.end_day", ButtonKind::Secondary}};
    if (staff.can_exit) buttons.push_back({"staff.exit", ButtonKind::Exit});
    const int columns = column.width >= 28 * em ? int(buttons.size()) : 2;
    const float key_gap = 0.4f * em;
    const float cell = (column.width - key_gap * float(columns - 1)) / float(columns);
    float height = 1.45f * em;
    for (const auto& b : buttons) height = std::max(height, button_height_for(ui, ui.text(b.name), cell, height));
    const float top = ImGui::GetCursorScreenPos().y;
    for (size_t i = 0; i < buttons.size(); ++i) {
        const int row = int(i) / columns, col = int(i) % columns;
        ImGui::SetCursorScreenPos(
            ImVec2(column.left + float(col) * (cell + key_gap), top + float(row) * (height + key_gap)));
        const std::string name = buttons[i].name;
        if (!tap_button(ui, name, ui.text(name), ImVec2(cell, height), buttons[i].kind)) continue;
        if (busy) continue;  // one action at a time
        if (name == "staff.sync_now")
            staff.service.sync_now();
        else if (name == "staff.test_connection")
            staff.service.test_connection();
        else  // ending the day and closing the kiosk are confirmed first
            ui.memory.staff_confirm = name;
    }
    const int rows = (int(buttons.size()) + columns - 1) / columns;
    ImGui::SetCursorScreenPos(ImVec2(column.left, top + float(rows) * (height + key_gap)));
    // Wi-Fi and the sound test share a row, one line high: rarely needed, so they do not make
    // every action above as tall as their labels, and neither is a service action (they work
    // while one runs).
    std::vector<std::string> extras;
    if (staff.wifi) extras.push_back("staff.wifi");
    if (ui.audio && ui.audio->enabled()) extras.push_back("staff.test_sound");
    if (!extras.empty()) {
        const float w = (column.width - key_gap * float(extras.size() - 1)) / float(extras.size());
        float h = theme().min_target * em;
        for (const auto& name : extras) h = std::max(h, button_height_for(ui, ui.text(name), w, h, {}, 0.45f));
        const float row_top = ImGui::GetCursorScreenPos().y;
        for (size_t i = 0; i < extras.size(); ++i) {
            ImGui::SetCursorScreenPos(ImVec2(column.left + float(i) * (w + key_gap), row_top));
            if (!tap_button(ui, extras[i], ui.text(extras[i]), ImVec2(w, h), ButtonKind::Secondary)) continue;
            if (extras[i] == "staff.wifi")
                staff.panel.open_wifi();  // a screen of its own
            else
                ui.audio->test_sound(ui.locale());  // the welcome prompt, at the mode's volume
        }
        ImGui::SetCursorScreenPos(ImVec2(column.left, row_top + h + key_gap));
    }
    const std::string outcome = action_text(ui, action);
    if (!outcome.empty()) {
        wrapped_text(ui, outcome, ui.fonts.body, column.width, t.text);
        gap(0.4f, em);
    }
    for (const auto& line : warning_lines(ui, staff.status)) {
        status_row(ui, line, Health::Act, column.left, column.width, false);
        gap(0.2f, em);
    }

    // The status as a table of rows, each marked by how it stands.
    const StaffStatus& s = staff.status;
    const std::vector<std::string> lines = status_lines(ui, s);
    for (size_t i = 0; i < lines.size(); ++i) {
        Health health = Health::Fine;
        if (i == 1 && s.sync.queued > 0) health = Health::Look;          // waiting to send
        if (i == 3 && !s.sync.last_success) health = Health::Look;       // never sent
        if (i == 4 && !s.sync.last_error.empty()) health = Health::Act;  // last problem
        if (i == 5 && s.power == PowerSource::OnBattery && s.battery_percent >= 0 && s.battery_percent < 20)
            health = Health::Act;
        if (i == 5 && s.power == PowerSource::Unknown) health = Health::Look;
        if (i >= 8) health = Health::Act;  // refused records
        status_row(ui, lines[i], health, column.left, column.width, i % 2 == 1);
    }
    if (staff.wifi) {
        // Read on the Wi-Fi worker (nmcli), never here: the row shows the last reading.
        staff.wifi->refresh_status();
        const auto wifi = staff.wifi->status();
        Health health = Health::Look;
        if (wifi && wifi->state == WifiState::Connected) health = Health::Fine;
        if (wifi && wifi->state == WifiState::Unavailable) health = Health::Act;
        status_row(ui, wifi_status_line(ui, wifi), health, column.left, column.width, lines.size() % 2 == 1);
    }
    gap(t.padding, em);
}

void draw_staff_confirm(UiContext& ui, StaffView& staff, ImVec2 origin, ImVec2 size) {
    const Theme& t = theme();
    const float em = ui.em();
    const std::string action = ui.memory.staff_confirm;
    const std::string question = ui.text(action == "staff.exit" ? "staff.confirm_exit" : "staff.confirm_end_day");
    begin_dimmed_window("##confirm", origin, size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float width = std::min(size.x - 2 * em, 28 * em);
    const float inner = width - 2 * em;
    const float gap = 0.6f * em;
    // Side by side while both labels take at most two lines; else one above the other, full
    // width, rather than a word cut or a label of five lines in a narrow button.
    const float half = (inner - gap) / 2;
    const float two_lines = 3.2f * em;
    float button_height = 2.4f * em;
    for (const std::string& label : {ui.text("staff.cancel"), ui.text(action)})
        button_height = std::max(button_height, button_height_for(ui, label, half, 2.4f * em));
    const bool stacked = button_height > two_lines;
    if (stacked) {
        button_height = 2.4f * em;
        for (const std::string& label : {ui.text("staff.cancel"), ui.text(action)})
            button_height = std::max(button_height, button_height_for(ui, label, inner, 2.4f * em));
    }
    const float buttons_height = stacked ? 2 * button_height + gap : button_height;
    const float height = wrapped_height(ui, ui.fonts.title, question, inner) + buttons_height + 3 * em;
    const float left = origin.x + (size.x - width) * 0.5f;
    const float top = origin.y + (size.y - height) * 0.5f;
    draw->AddRectFilled(ImVec2(left, top), ImVec2(left + width, top + height), t.card, t.rounding * em);
    ui.registry.set_backdrop(t.card);
    ImGui::SetCursorScreenPos(ImVec2(left + em, top + em));
    wrapped_text(ui, question, ui.fonts.title, inner, t.text);
    const ImVec2 button_size(stacked ? inner : half, button_height);
    const float y = top + height - em - buttons_height;
    ImGui::SetCursorScreenPos(ImVec2(left + em, y));
    const bool no = tap_button(ui, "confirm.no", ui.text("staff.cancel"), button_size, ButtonKind::Secondary);
    ImGui::SetCursorScreenPos(stacked ? ImVec2(left + em, y + button_height + gap) : ImVec2(left + em + half + gap, y));
    const bool yes = tap_button(ui, "confirm.yes", ui.text(action), button_size,
                                action == "staff.exit" ? ButtonKind::Exit : ButtonKind::Primary);
    ui.registry.set_backdrop(t.background);
    ImGui::End();
    if (no) ui.memory.staff_confirm.clear();
    if (yes) {
        ui.memory.staff_confirm.clear();
        if (action == "staff.exit")
            staff.exit_requested = true;
        else
            staff.service.end_day();
    }
}

}  // namespace selfcheck::ui
