#include "kiosk/platform/display.h"

namespace selfcheck::platform {

Display::Display(const DisplayOptions& options) {
    // Keep the software renderer off Mesa's GL for the window surface (17 MB RSS, not 117).
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");  // touches arrive once, as finger events
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    if (options.headless) SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0)
        throw DisplayError(std::string("cannot start the display (SDL video): ") + SDL_GetError());

    if (options.headless) {
        surface_ = SDL_CreateRGBSurfaceWithFormat(0, options.width, options.height, 32, SDL_PIXELFORMAT_RGBA32);
        if (!surface_) throw DisplayError(std::string("cannot create the headless surface: ") + SDL_GetError());
        renderer_ = SDL_CreateSoftwareRenderer(surface_);
    } else {
        Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
        flags |= options.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_RESIZABLE;
        window_ = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options.width,
                                   options.height, flags);
        if (!window_) throw DisplayError(std::string("cannot open the window: ") + SDL_GetError());
        renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE);
    }
    if (!renderer_) throw DisplayError(std::string("cannot create the renderer: ") + SDL_GetError());
}

Display::~Display() {
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (surface_) SDL_FreeSurface(surface_);
    if (window_) SDL_DestroyWindow(window_);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

void Display::clear(std::uint32_t abgr) {
    SDL_SetRenderDrawColor(renderer_, abgr & 0xFF, (abgr >> 8) & 0xFF, (abgr >> 16) & 0xFF, 0xFF);
    SDL_RenderClear(renderer_);
}

void Display::present() { SDL_RenderPresent(renderer_); }

void Display::size(int& width, int& height) const {
    if (SDL_GetRendererOutputSize(renderer_, &width, &height) != 0) width = height = 0;
}

std::vector<uint8_t> Display::read_rgba() const {
    int width = 0, height = 0;
    size(width, height);
    std::vector<uint8_t> pixels(static_cast<size_t>(width) * height * 4);
    if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_RGBA32, pixels.data(), width * 4) != 0)
        throw DisplayError(std::string("cannot read the frame back: ") + SDL_GetError());
    return pixels;
}

float Display::dpi() const {
    constexpr float kReference = 96.0f;
    if (!window_) return kReference;
    float diagonal = 0;
    const int index = SDL_GetWindowDisplayIndex(window_);
    if (index < 0 || SDL_GetDisplayDPI(index, &diagonal, nullptr, nullptr) != 0 || diagonal < 50 || diagonal > 1000)
        return kReference;
    return diagonal;
}

}  // namespace selfcheck::platform
