#pragma once
// A region whose content may be taller than the screen, scrolled by dragging a finger
// (ImGui 1.86 has no touch scrolling, and the kiosk shows no thin scrollbars). Inside it,
// screens lay out from the region's origin, which moves as it scrolls. A flick glides on and
// slows down (inertia); a finger put down stops it. It notes in UiMemory how tall its content
// was and whether more lies below, for the cue strip drawn outside it (kiosk_ui.cpp).
#include "kiosk/ui/ui_context.h"

#include <imgui.h>

namespace selfcheck::ui {

class ScrollRegion {
public:
    // Begins the region over [min, min + size) on screen.
    ScrollRegion(UiContext& ui, const char* name, ImVec2 min, ImVec2 size);
    ~ScrollRegion();  // applies the drag, ends the region
    ScrollRegion(const ScrollRegion&) = delete;
    ScrollRegion& operator=(const ScrollRegion&) = delete;

    ImVec2 origin() const { return origin_; }  // where content starts, scroll included
    ImVec2 size() const { return size_; }      // the visible size

private:
    UiContext& ui_;
    ImVec2 min_;
    ImVec2 origin_;
    ImVec2 size_;
};

}  // namespace selfcheck::ui
