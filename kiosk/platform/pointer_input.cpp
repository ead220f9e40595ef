#include "kiosk/platform/pointer_input.h"

#include <imgui.h>

namespace selfcheck::platform {

void PointerInput::press(float x, float y) {
    ++activity_;
    x_ = x, y_ = y;
    down_ = true;
    latched_press_ = true;
    lifted_ = false;
}

void PointerInput::move(float x, float y) {
    ++activity_;
    x_ = x, y_ = y;
}

void PointerInput::release(float x, float y) {
    ++activity_;
    x_ = x, y_ = y;
    down_ = false;
    lifted_ = true;
}

bool PointerInput::handle(const SDL_Event& event, int width, int height) {
    switch (event.type) {
    case SDL_MOUSEBUTTONDOWN:
        if (event.button.button != SDL_BUTTON_LEFT) return false;
        press(float(event.button.x), float(event.button.y));
        return true;
    case SDL_MOUSEBUTTONUP:
        if (event.button.button != SDL_BUTTON_LEFT) return false;
        release(float(event.button.x), float(event.button.y));
        return true;
    case SDL_MOUSEMOTION:
        move(float(event.motion.x), float(event.motion.y));
        lifted_ = false;
        return true;
    case SDL_MOUSEWHEEL: wheel_ += float(event.wheel.y); return true;
    case SDL_FINGERDOWN: press(event.tfinger.x * width, event.tfinger.y * height); return true;
    case SDL_FINGERMOTION: move(event.tfinger.x * width, event.tfinger.y * height); return true;
    case SDL_FINGERUP: release(event.tfinger.x * width, event.tfinger.y * height); return true;
    default: return false;
    }
}

void PointerInput::apply_to_imgui() {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x_, y_);
    io.MouseDown[0] = down_ || latched_press_;
    io.MouseWheel = wheel_;
    // ImGui must see the release where it happened before the pointer may leave the screen.
    release_reported_ = lifted_ && !io.MouseDown[0];
    latched_press_ = false;
    wheel_ = 0;
}

void PointerInput::end_frame() {
    if (release_reported_) {
        x_ = y_ = -FLT_MAX;
        lifted_ = false;
        release_reported_ = false;
    }
}

}  // namespace selfcheck::platform
