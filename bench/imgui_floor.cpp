// The floor for the kiosk's start-up (issue #18): the least an SDL + Dear ImGui program on
// the software renderer must do to show one line of text in the same window: SDL up, a
// window, ImGui with its built-in font (a small glyph set), one frame presented. Prints the
// same stage line as `kiosk`; bench/kiosk_startup.sh runs both under one Xvfb.
//   build/bench/imgui_floor [WxH=1280x800]
#include "kiosk/app/startup_times.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <cstdio>

int main(int argc, char** argv) {
    int width = 1280, height = 800;
    if (argc > 1 && std::sscanf(argv[1], "%dx%d", &width, &height) != 2) {
        std::fprintf(stderr, "imgui_floor: the size is WxH (got '%s')\n", argv[1]);
        return 2;
    }
    auto& times = selfcheck::StartupTimes::get();
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        std::fprintf(stderr, "imgui_floor: SDL: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Window* window =
        SDL_CreateWindow("floor", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height, SDL_WINDOW_SHOWN);
    SDL_Renderer* renderer = window ? SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE) : nullptr;
    if (!renderer) {
        std::fprintf(stderr, "imgui_floor: SDL: %s\n", SDL_GetError());
        return 1;
    }
    times.mark("SDL display");
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplSDLRenderer_Init(renderer);
    ImGui_ImplSDLRenderer_CreateFontsTexture();
    times.mark("glyph atlas");
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(width), float(height));
    io.DeltaTime = 1.0f / 60.0f;
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("floor", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::TextUnformatted("Bahasa Indonesia");
    ImGui::End();
    ImGui::Render();
    SDL_SetRenderDrawColor(renderer, 0xF7, 0xF5, 0xF0, 0xFF);
    SDL_RenderClear(renderer);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    SDL_RenderPresent(renderer);
    times.mark("first frame");
    std::fprintf(stderr, "imgui_floor: first frame (%s)\n", times.describe().c_str());
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext();
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}
