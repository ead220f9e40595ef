#include "scroll_region.h"

namespace selfcheck::ui {

ScrollRegion::ScrollRegion(UiContext& ui, const char* name, ImVec2 min, ImVec2 size) : ui_(ui), size_(size) {
    ImGui::SetCursorScreenPos(min);
    ImGui::BeginChild(name, size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground);
    origin_ = ImGui::GetCursorScreenPos();
    ui_.registry.record_widget(name, {min, ImVec2(min.x + size.x, min.y + size.y)}, true);
    ui_.registry.begin_scroll_region(min, ImVec2(min.x + size.x, min.y + size.y), ImGui::GetScrollY());
}

ScrollRegion::~ScrollRegion() {
    // A drag anywhere in the region scrolls it, also when it started on a button (which then
    // does not count as a tap: see tap_button).
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseDragging(ImGuiMouseButton_Left))
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    ImGui::Dummy(ImVec2(0, 0));  // content size includes everything drawn above
    ImGui::EndChild();
    ui_.registry.end_scroll_region();
}

}  // namespace selfcheck::ui
