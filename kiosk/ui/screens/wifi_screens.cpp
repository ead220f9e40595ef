// The staff panel's Wi-Fi: the connection in words, the networks a scan found, and the
// passphrase typed on an on-screen keyboard. Every nmcli call runs on the WifiService's
// worker; these screens only read its last outcome and ask for the next.
#include "kiosk/ui/icons.h"
#include "kiosk/ui/screens/screens.h"
#include "kiosk/ui/screens/staff_parts.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace selfcheck::ui {
namespace {

std::string words(UiContext& ui, const char* key, MessageArgs args) {
    return ui.messages.format(ui.locale(), key, std::move(args));
}

// What the list says above the networks: the scan or the join under way, or why it failed.
std::string list_message(UiContext& ui, const WifiService::Scan& scan, const WifiService::Join& join) {
    switch (join.state) {
    case WifiService::JoinState::Joining: return words(ui, "staff.wifi_joining", {{"name", join.ssid}});
    case WifiService::JoinState::Failed:
        return words(ui, "staff.wifi_join_failed", {{"name", join.ssid}, {"error", join.error}});
    case WifiService::JoinState::Idle:
    case WifiService::JoinState::Joined: break;
    }
    switch (scan.state) {
    case WifiService::ScanState::Idle:
    case WifiService::ScanState::Scanning: return ui.text("staff.wifi_scanning");
    case WifiService::ScanState::Failed: return words(ui, "staff.wifi_scan_failed", {{"error", scan.error}});
    case WifiService::ScanState::Listed:
        if (scan.networks.empty()) return ui.text("staff.wifi_none_found");
        break;
    }
    return {};
}

// A full-width button one line high (at least the minimum target).
bool wide_button(UiContext& ui, const std::string& name, const std::string& label, float left, float width,
                 ButtonKind kind, const ButtonLook& look = {}) {
    const float h = button_height_for(ui, label, width, theme().min_target * ui.em(), look, 0.45f);
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
    const bool tapped = tap_button(ui, name, label, ImVec2(width, h), kind, look);
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetItemRectMax().y + 0.3f * ui.em()));
    return tapped;
}

// A key drawn as a control that cannot be tapped now (Join before the passphrase is long
// enough): flat, muted, and not registered as a tap target.
void disabled_key(UiContext& ui, const std::string& label, ImVec2 min, ImVec2 size) {
    const Theme& t = theme();
    const float em = ui.em();
    ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), t.progress_track,
                                              t.rounding * em);
    ui.registry.set_backdrop(t.progress_track);
    const float text_width = size.x - 1.0f * em;
    const float text_height = wrapped_height(ui, ImGui::GetFont(), label, text_width);
    ImFont* font = ImGui::GetFont();
    const float one_line = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x;
    const float left = one_line < text_width ? min.x + (size.x - one_line) * 0.5f : min.x + 0.5f * em;  // centred
    ImGui::SetCursorScreenPos(ImVec2(left, min.y + std::max(0.f, (size.y - text_height) * 0.5f)));
    wrapped_text(ui, label, font, std::min(text_width, one_line + 1), t.text);
    ui.registry.set_backdrop(t.background);
}

// A passphrase shown in lines cut between any two characters: it is no text to read by
// words, and a line that keeps every character in view beats a word broken by the wrapper.
std::vector<std::string> character_lines(const std::string& text, ImFont* font, float width) {
    std::vector<std::string> lines(1);
    for (char c : text) {
        std::string wider = lines.back() + c;
        if (!lines.back().empty() && font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, wider.c_str()).x > width)
            lines.emplace_back(1, c);
        else
            lines.back() = std::move(wider);
    }
    return lines;
}

const char* page_key_label(PassphraseEntry::Page next) {
    switch (next) {
    case PassphraseEntry::Page::Letters: return "staff.kb_letters";
    case PassphraseEntry::Page::Symbols: return "staff.kb_symbols";
    case PassphraseEntry::Page::MoreSymbols: return "staff.kb_more_symbols";
    }
    return "staff.kb_letters";
}

}  // namespace

std::string wifi_status_line(UiContext& ui, const std::optional<WifiStatus>& status) {
    if (!status) return ui.text("staff.wifi_checking");
    switch (status->state) {
    case WifiState::Connected:
        if (status->signal_percent < 0 || status->address.empty())
            return words(ui, "staff.wifi_connected_to", {{"name", status->ssid}});
        return words(ui, "staff.wifi_connected",
                     {{"name", status->ssid}, {"signal", long(status->signal_percent)}, {"address", status->address}});
    case WifiState::Connecting: return words(ui, "staff.wifi_connecting", {{"name", status->ssid}});
    case WifiState::Disconnected: return ui.text("staff.wifi_disconnected");
    case WifiState::Unavailable: return words(ui, "staff.wifi_unavailable", {{"reason", status->reason}});
    }
    return {};
}

void draw_staff_wifi(UiContext& ui, StaffView& staff, const ScreenArea& area) {
    const Theme& t = theme();
    const float em = ui.em();
    const Column column = begin_staff_screen(ui, area, 40, "staff.wifi_title");
    gap(0.3f, em);
    if (!staff.wifi) return;
    WifiService& wifi = *staff.wifi;
    wifi.refresh_status();
    const WifiService::Join join = wifi.join();
    if (join.state == WifiService::JoinState::Joined) {  // back to the panel, whose row says connected
        wifi.clear();
        staff.panel.back();
        return;
    }
    WifiService::Scan scan = wifi.scan();
    if (scan.state == WifiService::ScanState::Idle) wifi.start_scan();  // the screen just opened

    ImGui::SetCursorScreenPos(ImVec2(column.left, ImGui::GetCursorScreenPos().y));
    wrapped_text(ui, wifi_status_line(ui, wifi.status()), ui.fonts.body, column.width, t.text);
    gap(0.3f, em);
    const bool joining = join.state == WifiService::JoinState::Joining;
    const bool scanning = scan.state == WifiService::ScanState::Idle || scan.state == WifiService::ScanState::Scanning;
    const std::string message = list_message(ui, scan, join);
    if (!message.empty()) {
        const ImU32 colour = join.state == WifiService::JoinState::Failed ? t.danger : t.text;
        ImGui::SetCursorScreenPos(ImVec2(column.left, ImGui::GetCursorScreenPos().y));
        wrapped_text(ui, message, ui.fonts.body, column.width, colour);
        gap(0.3f, em);
    }

    // Each network a tap target, strongest first: a lock where a passphrase is needed.
    // Networks this panel cannot join are listed, greyed, with why.
    for (size_t i = 0; i < scan.networks.size(); ++i) {
        const WifiScanEntry& network = scan.networks[i];
        const MessageArgs args = {{"name", network.ssid}, {"signal", long(network.signal_percent)}};
        if (network.security == WifiSecurity::Unsupported) {
            status_row(ui, words(ui, "staff.wifi_unsupported", args), Health::Look, column.left, column.width, false);
            gap(0.3f, em);
            continue;
        }
        const std::string label = words(ui, network.in_use ? "staff.wifi_network_in_use" : "staff.wifi_network", args);
        const bool locked = network.security == WifiSecurity::Passphrase;
        const ButtonLook look{locked ? icon::kLock : icon::kWifi, true};
        const bool tapped = wide_button(ui, "wifi.network." + network.ssid, label, column.left, column.width,
                                        network.in_use ? ButtonKind::Primary : ButtonKind::Secondary, look);
        if (!tapped || joining) continue;  // one join at a time
        if (locked)
            staff.panel.ask_for_passphrase(network.ssid);
        else
            wifi.start_join(network.ssid, "");
    }
    if (!scanning && !joining) {
        gap(0.2f, em);
        if (wide_button(ui, "wifi.rescan", ui.text("staff.wifi_rescan"), column.left, column.width,
                        ButtonKind::Secondary))
            wifi.start_scan();
    }
    gap(t.padding, em);
}

void draw_staff_passphrase(UiContext& ui, StaffView& staff, const ScreenArea& area) {
    const Theme& t = theme();
    const float em = ui.em();
    const float max_em = 40;
    const Column column = centred_column(area, max_em, em);
    ImGui::SetCursorScreenPos(ImVec2(column.left, area.min.y + 0.7f * em));
    ui.registry.mark_next_heading();
    wrapped_text(ui, words(ui, "staff.wifi_passphrase_title", {{"name", staff.panel.network()}}), ui.fonts.title,
                 column.width, t.text);
    gap(0.3f, em);
    PassphraseEntry& entry = staff.panel.passphrase();

    // The passphrase in a box: dots by default (drawn, never recorded as text), the letters
    // only while staff choose to see them.
    const float box_top = ImGui::GetCursorScreenPos().y;
    const float inner = column.width - 1.2f * em;
    const float radius = 0.22f * em;
    const float step = 3 * radius;
    const size_t per_row = std::max<size_t>(1, size_t(inner / step));
    const size_t typed = entry.length();
    const float dot_line = 0.8f * em;
    const std::vector<std::string> shown_lines =
        entry.shown() ? character_lines(entry.text(), ui.fonts.body, inner) : std::vector<std::string>{};
    const float content_height = entry.shown()
                                     ? float(std::max<size_t>(1, shown_lines.size())) * ui.fonts.body->FontSize * 1.25f
                                     : float(std::max<size_t>(1, (typed + per_row - 1) / per_row)) * dot_line;
    const float box_height = std::max(1.7f * em, content_height + 0.8f * em);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(column.left, box_top), ImVec2(column.left + column.width, box_top + box_height), t.field,
                        t.rounding * em);
    draw->AddRect(ImVec2(column.left, box_top), ImVec2(column.left + column.width, box_top + box_height), t.edge,
                  t.rounding * em, 0, std::max(1.0f, std::round(t.edge_width * em)));
    if (entry.shown() && typed > 0) {
        ui.registry.set_backdrop(t.field);
        for (size_t i = 0; i < shown_lines.size(); ++i) {
            ImGui::SetCursorScreenPos(
                ImVec2(column.left + 0.6f * em, box_top + 0.4f * em + float(i) * ui.fonts.body->FontSize * 1.25f));
            wrapped_text(ui, shown_lines[i], ui.fonts.body, inner, t.text);
        }
        ui.registry.set_backdrop(t.background);
    } else if (!entry.shown()) {
        for (size_t i = 0; i < typed; ++i) {
            const float x = column.left + 0.6f * em + radius + float(i % per_row) * step;
            const float y = box_top + 0.4f * em + 0.4f * em + float(i / per_row) * dot_line;
            draw->AddCircleFilled(ImVec2(x, y), radius, t.text);
        }
    }
    // Under the box: how many characters of the 8 to 63, and Show (or Hide) at the right.
    const float row_top = box_top + box_height + 0.25f * em;
    const std::string show_label = ui.text(entry.shown() ? "staff.wifi_hide" : "staff.wifi_show");
    ImFont* font = ImGui::GetFont();
    const float show_width =
        std::max(t.min_target * em,
                 std::max(font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, ui.text("staff.wifi_show").c_str()).x,
                          font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, ui.text("staff.wifi_hide").c_str()).x) +
                     1.2f * em);
    const float show_height = std::max(t.min_target * em, button_height_for(ui, show_label, show_width, 0, {}, 0.45f));
    ImGui::SetCursorScreenPos(ImVec2(column.left + column.width - show_width, row_top));
    const bool toggle = tap_button(ui, "wifi.show", show_label, ImVec2(show_width, show_height), ButtonKind::Secondary);
    const std::string count = words(ui, "staff.wifi_length", {{"count", long(typed)}});
    const float count_width = column.width - show_width - 0.5f * em;
    const float count_height = wrapped_height(ui, ui.fonts.body, count, count_width);
    ImGui::SetCursorScreenPos(ImVec2(column.left, row_top + std::max(0.f, (show_height - count_height) * 0.5f)));
    wrapped_text(ui, count, ui.fonts.body, count_width, entry.complete() ? t.text : t.muted_text);
    ImGui::SetCursorScreenPos(ImVec2(column.left, row_top + std::max(show_height, count_height) + 0.3f * em));

    // The keyboard: rows of at most ten keys, each at least the minimum target; where ten do
    // not fit across, the keys flow into shorter rows.
    const float key_gap = 0.12f * em;  // narrow, so ten keys of the minimum target fit across a phone
    const float min_key = t.min_target * em;
    const int columns = std::clamp(int((column.width + key_gap) / (min_key + key_gap)), 1, 10);
    const float key_width = (column.width - key_gap * float(columns - 1)) / float(columns);
    std::vector<std::string> page = entry.rows(size_t(columns));
    // A last row of a key or two goes into the row of controls, beside space: one row less.
    std::string beside_space;
    if (page.size() > 3 && page.back().size() <= 2) {
        beside_space = page.back();
        page.pop_back();
    }
    std::vector<std::vector<char>> rows;
    for (const auto& row : page) {
        for (size_t i = 0; i < row.size(); ++i) {
            if (i % size_t(columns) == 0) rows.emplace_back();
            rows.back().push_back(row[i]);
        }
    }
    const float key_height = std::max(min_key, std::min(2.2f * em, key_width));
    float y = ImGui::GetCursorScreenPos().y;
    std::optional<char> pressed;
    for (const auto& row : rows) {
        // Shorter rows centred, as on a phone.
        const float row_left = column.left + (column.width - (float(row.size()) * (key_width + key_gap) - key_gap)) / 2;
        for (size_t i = 0; i < row.size(); ++i) {
            ImGui::SetCursorScreenPos(ImVec2(row_left + float(i) * (key_width + key_gap), y));
            const std::string label(1, row[i]);
            if (tap_button(ui, "kb." + label, label, ImVec2(key_width, key_height), ButtonKind::Secondary,
                           {nullptr, false, false, true}))
                pressed = row[i];
        }
        y += key_height + key_gap;
    }
    // Shift, the other page, space and erase in the last row, with their labels where they fit.
    struct Control {
        std::string name, label;
        const char* icon;
        float share;
        bool lit;
        char key = 0;  // a character key among the controls
    };
    const bool letters = entry.page() == PassphraseEntry::Page::Letters;
    std::vector<Control> controls;
    if (letters) controls.push_back({"kb.shift", ui.text("staff.kb_shift"), icon::kShift, 2, entry.shifted()});
    const float page_share = letters || !beside_space.empty() ? 2.f : 3.f;
    controls.push_back(
        {"kb.page", ui.text(page_key_label(entry.next_page(size_t(columns)))), nullptr, page_share, false});
    // Ten shares across: erase 3, the rest as above, space what is left.
    const float space_share = 10 - 3 - page_share - (letters ? 2.f : 0.f) - float(beside_space.size());
    for (char c : beside_space)
        controls.push_back({"kb." + std::string(1, c), std::string(1, c), nullptr, 1, false, c});
    controls.push_back({"kb.space", ui.text("staff.kb_space"), nullptr, space_share, false});
    controls.push_back({"kb.erase", ui.text("staff.erase"), icon::kErase, 3, false});
    float x = column.left;
    const float share_width = (column.width - key_gap * float(controls.size() - 1)) / 10;
    float control_height = key_height;
    for (const auto& c : controls)
        control_height = std::max(control_height, button_height_for(ui, c.label, c.share * share_width, key_height,
                                                                    {c.icon, false, true}, 0.3f));
    control_height = std::min(control_height, 2 * key_height);
    for (const auto& c : controls) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        const ImVec2 size(c.share * share_width, control_height);
        // Character keys and the page key ("?123") take the narrow padding of a key.
        const bool tight = c.key != 0 || c.name == "kb.page";
        if (tap_button(ui, c.name, c.label, size, c.lit ? ButtonKind::Primary : ButtonKind::Secondary,
                       {c.icon, false, true, tight})) {
            if (c.key) pressed = c.key;
            if (c.name == "kb.shift") entry.toggle_shift();
            if (c.name == "kb.page") entry.switch_page(size_t(columns));
            if (c.name == "kb.space") pressed = ' ';
            if (c.name == "kb.erase") entry.erase();
        }
        x += size.x + key_gap;
    }
    y += control_height + 0.4f * em;

    // Cancel and Join side by side: Join only once the passphrase is long enough.
    const std::string cancel_label = ui.text("staff.cancel");
    const std::string join_label = ui.text("staff.wifi_join");
    const float half = (column.width - key_gap) / 2;
    float height = std::max(t.min_target * em, 2.0f * em);
    for (const std::string& label : {cancel_label, join_label})
        height = std::max(height, button_height_for(ui, label, half, height));
    ImGui::SetCursorScreenPos(ImVec2(column.left, y));
    const bool cancel = tap_button(ui, "wifi.cancel", cancel_label, ImVec2(half, height), ButtonKind::Secondary);
    const ImVec2 join_at(column.left + half + key_gap, y);
    bool join = false;
    if (entry.complete()) {
        ImGui::SetCursorScreenPos(join_at);
        join = tap_button(ui, "wifi.join", join_label, ImVec2(half, height), ButtonKind::Primary);
    } else {
        disabled_key(ui, join_label, join_at, ImVec2(half, height));
    }
    ImGui::SetCursorScreenPos(ImVec2(column.left, y + height + 0.4f * em));

    if (pressed) entry.press(*pressed);
    if (toggle) entry.toggle_shown();
    if (join && staff.wifi) {
        // Handed to the worker, then wiped here at once: the list shows "Joining…".
        staff.wifi->start_join(staff.panel.network(), entry.text());
        staff.panel.back();
    } else if (cancel) {
        staff.panel.back();
    }
}

}  // namespace selfcheck::ui
