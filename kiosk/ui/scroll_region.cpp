#include "kiosk/ui/scroll_region.h"

#include "kiosk/ui/theme.h"

#include <cmath>

namespace selfcheck::ui {
namespace {

constexpr float kGlideDecay = 0.92f;  // per frame: a flick fades out in about half a second
constexpr float kGlideStop = 0.5f;    // pixels per frame below which the glide stops

// A soft fade over the last line and a round "more below" badge with a down chevron.
void draw_more_below(ImVec2 min, ImVec2 size, float em) {
    const Theme& t = theme();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float bottom = min.y + size.y;
    const ImU32 clear = t.background & 0x00FFFFFF;
    draw->AddRectFilledMultiColor(ImVec2(min.x, bottom - 1.5f * em), ImVec2(min.x + size.x, bottom), clear, clear,
                                  t.background, t.background);
    const ImVec2 centre(min.x + size.x * 0.5f, bottom - 0.9f * em);
    draw->AddCircleFilled(centre, 0.75f * em, t.primary);
    const float a = 0.32f * em;
    draw->AddTriangleFilled(ImVec2(centre.x - a, centre.y - 0.5f * a), ImVec2(centre.x + a, centre.y - 0.5f * a),
                            ImVec2(centre.x, centre.y + 0.6f * a), t.on_primary);
}

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
    if (max_scroll - scroll > 1.f) draw_more_below(min_, size_, ui_.em());
    ImGui::Dummy(ImVec2(0, 0));  // content size includes everything drawn above
    ImGui::EndChild();
    ui_.registry.end_scroll_region();
}

}  // namespace selfcheck::ui
