#include "kiosk/ui/theme.h"

namespace selfcheck::ui {

const Theme& theme() {
    static const Theme instance;
    return instance;
}

const LevelStyle& level_style(const std::string& level_id) {
    const Theme& t = theme();
    if (level_id == "forced_labour_signs") return t.forced_labour;
    if (level_id == "rights_concerns") return t.rights_concern;
    if (level_id == "few_answers") return t.few_answers;
    return t.no_concern;
}

void apply_theme(float em) {
    ImGuiStyle style;  // start from defaults each time so a resize does not compound scaling
    ImGui::StyleColorsLight(&style);
    const Theme& t = theme();
    style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(t.background);
    style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(t.text);
    style.WindowPadding = ImVec2(0, 0);  // screens place everything themselves, in em
    style.ItemSpacing = ImVec2(t.gap * em, t.gap * em);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.FrameRounding = t.rounding * em;
    style.ScrollbarSize = 0;  // no thin scrollbars: content scrolls by dragging
    style.TouchExtraPadding = ImVec2(0.2f * em, 0.2f * em);
    ImGui::GetStyle() = style;
}

}  // namespace selfcheck::ui
