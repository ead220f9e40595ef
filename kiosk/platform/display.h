#pragma once
// Where frames go: a real SDL window (full screen or windowed), or, headless, SDL's dummy
// video driver with a software renderer drawing into an in-memory SDL_Surface. Both use the
// software renderer: on these machines it reaches the first frame faster and uses a fraction
// of the memory of the accelerated one (see shared/design/performance-notes.md).
#include <SDL.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace selfcheck::platform {

class DisplayError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct DisplayOptions {
    bool headless = false;
    bool fullscreen = true;
    int width = 1280;
    int height = 800;
    std::string title;
};

class Display {
public:
    explicit Display(const DisplayOptions& options);
    ~Display();
    Display(const Display&) = delete;
    Display& operator=(const Display&) = delete;

    SDL_Renderer* renderer() const { return renderer_; }
    SDL_Window* window() const { return window_; }
    bool headless() const { return surface_ != nullptr; }
    // A new frame starts on `abgr` (ImGui's colour order: 0xAABBGGRR); present() shows it.
    void clear(std::uint32_t abgr);
    void present();
    // Size in pixels of what is drawn (the renderer's output).
    void size(int& width, int& height) const;
    // Pixels per inch as the display reports it (diagonal); 96, the reference density, when
    // headless or when the display does not say.
    float dpi() const;

    // The last frame drawn, as tightly packed RGBA bytes.
    std::vector<uint8_t> read_rgba() const;

private:
    SDL_Window* window_ = nullptr;
    SDL_Surface* surface_ = nullptr;  // headless target
    SDL_Renderer* renderer_ = nullptr;
};

}  // namespace selfcheck::platform
