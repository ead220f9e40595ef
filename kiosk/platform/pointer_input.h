#pragma once
// Touch-first input for ImGui. We do not use imgui_impl_sdl here: in ImGui 1.86 it polls
// SDL's global mouse state, which a test driver cannot drive and which leaves a "hover" after
// a finger lifts. Here a press is latched until a frame has seen it (a tap shorter than a
// frame still counts), and the pointer leaves the screen when the finger does.
#include <SDL.h>

namespace selfcheck::platform {

class PointerInput {
public:
    // Returns true when the event changed anything ImGui should see (worth a new frame).
    bool handle(const SDL_Event& event, int width, int height);

    // For test drivers and scripted walks.
    void press(float x, float y);
    void release(float x, float y);
    void move(float x, float y);

    // Where a finger is down now (for gestures such as the staff panel's corner hold).
    bool finger_down() const { return down_; }
    float x() const { return x_; }
    float y() const { return y_; }

    // Grows with every press, release and move: the idle timer watches it.
    unsigned long activity() const { return activity_; }

    // Feeds the state into ImGui's IO for the frame about to start.
    void apply_to_imgui();
    // After a frame: a finger that lifted no longer hovers anything.
    void end_frame();

private:
    float x_ = -1, y_ = -1;
    bool down_ = false;
    bool latched_press_ = false;  // pressed and released between two frames
    bool lifted_ = false;
    bool release_reported_ = false;
    float wheel_ = 0;
    unsigned long activity_ = 0;
};

}  // namespace selfcheck::platform
