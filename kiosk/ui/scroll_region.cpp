#include "kiosk/ui/scroll_region.h"

#include "kiosk/ui/theme.h"

#include <imgui_internal.h>  // the window's cursor extent: this frame's content height

#include <algorithm>
#include <cmath>

namespace selfcheck::ui {
namespace {

constexpr float kGlideDecay = 0.92f;  // per frame: a flick fades out in about half a second
constexpr float kGlideStop = 0.5f;    // pixels per frame below which the glide stops

}  // namespace

ScrollRegion::ScrollRegion(UiContext& ui, const char* name, ImVec2 min, ImVec2 size) : ui_(ui), min_(min), size_(size) {
    ImGui::SetCursorScreenPos(min);
    ImGui::BeginChild(
        name, size, false,
        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground);
    origin_ = ImGui::GetCursorScreenPos();
    ui_.registry.record_widget(name, {min, ImVec2(min.x + size.x, min.y + size.y)}, true);
    ui_.registry.begin_scroll_region(min, ImVec2(min.x + size.x, min.y + size.y), ImGui::GetScrollY());
}

ScrollRegion::~ScrollRegion() {
    // A drag anywhere in the region scrolls it, also when it started on a button (which then
    // does not count as a tap: see tap_button).
    const ImGuiIO& io = ImGui::GetIO();
    float& velocity = ui_.memory.scroll_velocity;
    const bool over = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    const float scroll = ImGui::GetScrollY();
    const float max_scroll = ImGui::GetScrollMaxY();
    if (over && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) velocity = 0;  // a finger stops the glide
    if (over && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        ImGui::SetScrollY(scroll - io.MouseDelta.y);
        // Smoothed, for the glide after release; a finger that rests before lifting stops it.
        velocity = io.MouseDelta.y == 0 ? 0.f : 0.6f * velocity + 0.4f * -io.MouseDelta.y;
    } else if (!io.MouseDown[ImGuiMouseButton_Left] && velocity != 0) {
        const float next = std::clamp(scroll + velocity, 0.f, max_scroll);
        ImGui::SetScrollY(next);
        velocity *= kGlideDecay;
        if (std::fabs(velocity) < kGlideStop || next <= 0.f || next >= max_scroll) velocity = 0;
    }
    // What this frame drew, from the region's top (ImGui's own content size lags a frame),
    // up to the last thing drawn and not the spacing after it.
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    ui_.memory.content_height = window->DC.CursorMaxPos.y - window->DC.CursorStartPos.y;
    ImGui::Dummy(ImVec2(0, 0));  // content size includes everything drawn above
    ui_.memory.more_below = ImGui::GetScrollMaxY() - ImGui::GetScrollY() > 1.f;
    ImGui::EndChild();
    ui_.registry.end_scroll_region();
}

}  // namespace selfcheck::ui
