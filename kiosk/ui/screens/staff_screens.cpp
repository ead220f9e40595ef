// The hidden staff panel: the PIN pad, then device status and the outreach worker's
// actions. Shows counts only, never anyone's answers. Drawn in the chrome's language.
#include "kiosk/ui/keypad.h"
#include "kiosk/ui/screens/screens.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"
#include "protocol/time/dates.h"

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

// Warnings staff must act on, shown above everything else.
std::vector<std::string> warning_lines(UiContext& ui, const StaffStatus& s) {
    std::vector<std::string> lines;
    if (!s.storage_error.empty())
        lines.push_back(ui.messages.format(ui.locale(), "staff.storage_failed", {{"error", s.storage_error}}));
    if (s.outbox_dropped > 0)
        lines.push_back(ui.messages.format(ui.locale(), "staff.outbox_dropped", {{"count", s.outbox_dropped}}));
    if (s.outbox_near_cap) lines.push_back(ui.text("staff.outbox_near_cap"));
    return lines;
}

void gap(float em_units, float em) {
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + em_units * em));
}

// A column at most `max_em` wide, its title drawn at the top.
Column begin_staff_screen(UiContext& ui, const ScreenArea& area, float max_em, const char* title_key) {
    const float em = ui.em();
    const Column column = centred_column(area, max_em, em);
    ImGui::SetCursorScreenPos(ImVec2(column.left, area.min.y + theme().padding * em));
    wrapped_text(ui, ui.text(title_key), ui.fonts.title, column.width, theme().text);
    return column;
}

}  // namespace

void draw_staff_pin(UiContext& ui, StaffView& staff, const ScreenArea& area) {
    const Theme& t = theme();
    const float em = ui.em();
    const Column column = begin_staff_screen(ui, area, 20, "staff.pin_title");
    gap(0.6f, em);

    // One dot per digit typed, in a box like the number question's: the count shows, the
    // digits never do.
    const float box_top = ImGui::GetCursorScreenPos().y;
    const float box_height = 2.2f * em;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(column.left, box_top), ImVec2(column.left + column.width, box_top + box_height),
                        t.secondary, t.rounding * em);
    const float radius = 0.3f * em;
    const float step = 3 * radius;
    const size_t typed = staff.panel.digits_typed();
    const float first_x = column.left + (column.width - float(typed) * step + step - 2 * radius) * 0.5f + radius;
    for (size_t i = 0; i < typed; ++i)
        draw->AddCircleFilled(ImVec2(first_x + float(i) * step, box_top + box_height * 0.5f), radius, t.text);
    ImGui::SetCursorScreenPos(ImVec2(column.left, box_top + box_height + 0.5f * em));

    // Wrong PIN or locked out: said in words, in a line that keeps its place.
    std::string feedback;
    if (const auto locked = staff.panel.locked_for(); locked.count() > 0)
        feedback = ui.messages.format(ui.locale(), "staff.locked_out", {{"seconds", long(locked.count())}});
    else if (staff.panel.last_outcome() == PinGate::Outcome::Rejected)
        feedback = ui.text("staff.pin_wrong");
    const float feedback_top = ImGui::GetCursorScreenPos().y;
    wrapped_text(ui, feedback, ui.fonts.body, column.width, t.text);
    ImGui::SetCursorScreenPos(ImVec2(column.left, std::max(ImGui::GetCursorScreenPos().y, feedback_top + 2.6f * em)));

    KeypadSpec pad{"pin",
                   "pin.erase",
                   ui.text("staff.erase"),
                   "pin.ok",
                   ui.text("staff.ok"),
                   column.left,
                   ImGui::GetCursorScreenPos().y,
                   column.width,
                   (area.landscape() ? 2.2f : 2.6f) * em};
    const KeypadKey key = draw_keypad(ui, pad);
    switch (key.kind) {
    case KeypadKey::Digit: staff.panel.type_digit(key.digit); break;
    case KeypadKey::Left: staff.panel.erase_digit(); break;
    case KeypadKey::Right: staff.panel.submit(); break;
    case KeypadKey::None: break;
    }
    gap(t.gap, em);
    ImGui::SetCursorScreenPos(ImVec2(column.left, ImGui::GetCursorScreenPos().y));
    if (tap_button(ui, "staff.cancel", ui.text("staff.cancel"), ImVec2(column.width, t.button_height * em),
                   ButtonKind::Secondary))
        staff.panel.close();
    gap(t.padding, em);
}

void draw_staff_panel(UiContext& ui, StaffView& staff, const ScreenArea& area) {
    const Theme& t = theme();
    const float em = ui.em();
    const Column column = begin_staff_screen(ui, area, 30, "staff.title");
    gap(0.5f, em);
    for (const auto& line : warning_lines(ui, staff.status)) {
        ImGui::SetCursorScreenPos(ImVec2(column.left, ImGui::GetCursorScreenPos().y));
        wrapped_text(ui, line, ui.fonts.title, column.width, t.text);
        gap(0.3f, em);
    }
    for (const auto& line : status_lines(ui, staff.status)) {
        ImGui::SetCursorScreenPos(ImVec2(column.left, ImGui::GetCursorScreenPos().y));
        wrapped_text(ui, line, ui.fonts.body, column.width, t.text);
        gap(0.2f, em);
    }
    gap(0.5f, em);

    const StaffService::Action action = staff.service.action();
    const bool busy = action.outcome == StaffService::Outcome::Working;
    struct Button {
        const char* name;
        ButtonKind kind;
    };
    std::vector<Button> buttons = {{"staff.sync_now", ButtonKind::Primary},
                                   {"staff.test_connection", ButtonKind::Secondary},
                                   {"staff.end_day", ButtonKind::Secondary},
                                   {"staff.close", ButtonKind::Secondary}};
    if (staff.can_exit) buttons.push_back({"staff.exit", ButtonKind::Exit});
    const ButtonGrid grid = make_button_grid(column.left, ImGui::GetCursorScreenPos().y, column.width,
                                             t.button_height * em, em, area.landscape());
    for (size_t i = 0; i < buttons.size(); ++i) {
        ImGui::SetCursorScreenPos(grid.cell(int(i)));
        const std::string name = buttons[i].name;
        if (!tap_button(ui, name, ui.text(name), ImVec2(grid.cell_width, grid.cell_height), buttons[i].kind)) continue;
        if (busy && name != "staff.close") continue;  // one action at a time; closing is always allowed
        if (name == "staff.sync_now")
            staff.service.sync_now();
        else if (name == "staff.test_connection")
            staff.service.test_connection();
        else if (name == "staff.end_day")
            staff.service.end_day();
        else if (name == "staff.exit")
            staff.exit_requested = true;
        else if (name == "staff.close") {
            staff.service.clear();
            staff.panel.close();
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(column.left, grid.bottom(int(buttons.size())) + t.gap * em));
    const std::string outcome = action_text(ui, action);
    wrapped_text(ui, outcome, ui.fonts.title, column.width, t.text);
    gap(t.padding, em);
}

}  // namespace selfcheck::ui
