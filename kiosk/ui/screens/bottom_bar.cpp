// The fixed bottom bar of each screen: Back where there is one to go back to, and the
// screen's main action (Continue, I prefer not to say, Finish, Cancel, Close).
#include "kiosk/ui/icons.h"
#include "kiosk/ui/screens/screens.h"
#include "kiosk/ui/theme.h"

#include <cmath>

namespace selfcheck::ui {

std::vector<BarAction> bottom_bar_actions(UiContext& ui) {
    if (ui.staff && ui.staff->panel.view() == StaffPanel::View::Pin)
        return {{"staff.cancel", ui.text("staff.cancel"), ButtonKind::Secondary, icon::kBack}};
    if (ui.staff && ui.staff->panel.view() == StaffPanel::View::Open)
        return {{"staff.close", ui.text("staff.close"), ButtonKind::Secondary, icon::kBack}};
    // Wi-Fi: back one screen, or straight out of staff mode (the passphrase has its own Cancel).
    if (ui.staff && ui.staff->panel.view() == StaffPanel::View::Wifi)
        return {{"wifi.back", ui.text("nav.back"), ButtonKind::Secondary, icon::kBack},
                {"staff.close", ui.text("staff.close"), ButtonKind::Secondary, icon::kExit}};
    if (ui.staff && ui.staff->panel.view() == StaffPanel::View::WifiPassphrase)
        return {{"staff.close", ui.text("staff.close"), ButtonKind::Secondary, icon::kExit}};
    const BarAction back{"nav.back", ui.text("nav.back"), ButtonKind::Secondary, icon::kBack};
    switch (ui.session.step()) {
    case Step::Welcome: return {};
    case Step::Privacy: return {{"privacy.continue", ui.text("privacy.continue"), ButtonKind::Primary, icon::kForward}};
    case Step::Question: {
        const Question* q = ui.session.current_question();
        if (q && q->type == QuestionType::Number)
            return {back, {"answer.prefer_not", ui.text("answer.prefer_not"), ButtonKind::Secondary, icon::kPreferNot}};
        return {back};
    }
    case Step::Result: return {{"result.finish", ui.text("result.finish"), ButtonKind::Primary, icon::kYes}};
    }
    return {};
}

namespace {

void act(UiContext& ui, const std::string& name) {
    if (name == "nav.back") {
        ui.session.back();
    } else if (name == "privacy.continue") {
        ui.session.accept_privacy();
    } else if (name == "answer.prefer_not") {
        ui.session.answer(std::string(kPreferNotToSay));
    } else if (name == "result.finish") {
        ui.reset_for_next_person();
    } else if (name == "staff.cancel" && ui.staff) {
        ui.staff->panel.close();
    } else if (name == "staff.close" && ui.staff) {
        ui.staff->service.clear();
        if (ui.staff->wifi) ui.staff->wifi->clear();
        ui.staff->panel.close();
    } else if (name == "wifi.back" && ui.staff) {
        if (ui.staff->wifi) ui.staff->wifi->clear();
        ui.staff->panel.back();
    }
}

}  // namespace

void draw_bottom_bar(UiContext& ui, const std::vector<BarAction>& actions, ImVec2 min, ImVec2 size) {
    const Theme& t = theme();
    const float em = ui.em();
    ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), t.bottom_bar);
    ui.registry.set_backdrop(t.bottom_bar);
    const float width = std::min(size.x - 2 * t.padding * em, 40 * em);
    const float left = min.x + (size.x - width) * 0.5f;
    const float gap = t.gap * em;
    const float height = size.y - 0.8f * em;
    // With two actions, Back takes the smaller share: the main action is the wider target.
    const float first = actions.size() == 2 ? std::round((width - gap) * 0.4f) : width;
    std::string tapped;
    float x = left;
    for (size_t i = 0; i < actions.size(); ++i) {
        const float w = i == 0 ? first : width - first - gap;
        ImGui::SetCursorScreenPos(ImVec2(x, min.y + 0.4f * em));
        if (tap_button(ui, actions[i].name, actions[i].label, ImVec2(w, height), actions[i].kind, {actions[i].icon}))
            tapped = actions[i].name;
        x += w + gap;
    }
    ui.registry.set_backdrop(t.background);
    if (!tapped.empty()) act(ui, tapped);
}

}  // namespace selfcheck::ui
