#include "kiosk_app.h"

#include "content_error.h"
#include "content_messages.h"
#include "content_validator.h"
#include "kiosk_ui.h"
#include "local_date.h"
#include "theme.h"

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <cmath>

namespace selfcheck {

float em_for_display(int width, int height) {
    // About 24 em across and 30 em down: a phone gets 20 px, a 1080p kiosk 36 px.
    const float by_width = static_cast<float>(width) / 24.0f;
    const float by_height = static_cast<float>(height) / 30.0f;
    return std::clamp(std::round(std::min(by_width, by_height)), 18.0f, 64.0f);
}

namespace {

// The kiosk shows no broken form: content errors stop it with the validator's words.
void refuse_invalid_content(const Content& content, const Messages& messages, const std::filesystem::path& dir) {
    const ContentReport report = validate_content(content, messages);
    std::string errors;
    for (const auto& problem : report.problems) {
        if (problem.severity == ContentProblem::Severity::Warning) continue;
        errors += "\n  " + describe(problem);
    }
    if (!errors.empty())
        throw ContentError(dir.string(), 0, 0, "the content is not valid (" + std::to_string(report.errors()) + " errors):" + errors);
}

}  // namespace

KioskApp::KioskApp(KioskConfig config) : config_(std::move(config)) {
    content_ = load_content(config_.content_dir);
    messages_ = std::make_unique<Messages>(config_.locales_dir);
    messages_->set_shared_args(constant_args(content_));
    refuse_invalid_content(content_, *messages_, config_.content_dir);

    if (!config_.collector_url.empty()) uploader_ = std::make_unique<RecordUploader>(config_.collector_url + "/api/v1/records");
    SessionSettings settings;
    settings.site = config_.site;
    settings.today = local_date_today;
    settings.on_complete = [this](CompletedRecord record) {
        ++records_completed_;
        if (uploader_) uploader_->enqueue(to_json(record));
    };
    session_ = std::make_unique<Session>(content_, std::move(settings));

    platform::DisplayOptions options;
    options.headless = config_.headless;
    options.fullscreen = config_.fullscreen;
    options.width = config_.width;
    options.height = config_.height;
    options.title = messages_->text(config_.chrome_locale, "app.title");
    display_ = std::make_unique<platform::Display>(options);

    idle_ = std::make_unique<IdleTimer>(IdleTimer::Settings{config_.idle_prompt_after, config_.idle_countdown}, config_.clock());

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing written to disk
    io.LogFilename = nullptr;
    ImGui_ImplSDLRenderer_Init(display_->renderer());
    imgui_ready_ = true;
    rebuild_fonts_if_needed();
}

KioskApp::~KioskApp() {
    if (imgui_ready_) {
        ImGui_ImplSDLRenderer_Shutdown();
        ImGui::DestroyContext();
    }
}

std::vector<std::string> KioskApp::all_display_strings() const {
    std::vector<std::string> texts;
    for (const auto& language : content_.form.languages) {
        texts.push_back(language.label);
        for (auto& s : messages_->strings(language.locale)) texts.push_back(std::move(s));
    }
    return texts;
}

void KioskApp::rebuild_fonts_if_needed() {
    int width = 0, height = 0;
    display_->size(width, height);
    const float em = em_for_display(width, height);
    if (em == fonts_.em) return;
    ImGuiIO& io = ImGui::GetIO();
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    fonts_ = ui::load_fonts(*io.Fonts, ui::default_font_files(), all_display_strings(), em);
    io.FontDefault = fonts_.body;
    ImGui_ImplSDLRenderer_CreateFontsTexture();  // builds the atlas and uploads it
    io.Fonts->ClearInputData();  // the 19 MB CJK collection is no longer needed
    io.Fonts->ClearTexData();    // the pixels now live in the SDL texture
    ui::apply_theme(em);
}

std::string KioskApp::screen_name() const { return ui::screen_name(*session_); }

int KioskApp::check_idle() {
    const auto now = config_.clock();
    if (input_.activity() != seen_activity_ || session_->step() == Step::Welcome) {
        seen_activity_ = input_.activity();
        idle_->touch(now);  // the welcome screen is the resting state: nothing to time out
        return 0;
    }
    switch (idle_->state(now)) {
    case IdleTimer::State::Active: return 0;
    case IdleTimer::State::Prompting: return idle_->seconds_left(now);
    case IdleTimer::State::Expired: break;
    }
    // Abandoned: discarded, never stored.
    session_->wipe();
    ui_memory_ = ui::UiMemory{};
    idle_->touch(now);
    return 0;
}

int KioskApp::sleep_limit_ms() const {
    if (session_->step() == Step::Welcome) return -1;
    const auto now = config_.clock();
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(idle_->next_change(now) - now);
    return int(std::max<long>(0, wait.count()));
}

void KioskApp::render_frame() {
    rebuild_fonts_if_needed();
    int width = 0, height = 0;
    display_->size(width, height);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(width), float(height));
    // A fixed step keeps headless frames identical run to run; nothing here animates by time yet.
    io.DeltaTime = 1.0f / 60.0f;
    const int idle_seconds_left = check_idle();
    input_.apply_to_imgui();
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
    ui::UiContext context{*session_, *messages_, registry_, fonts_, config_.chrome_locale, ui_memory_, idle_seconds_left};
    ui::draw_kiosk(context, io.DisplaySize);
    ImGui::Render();
    const ImU32 bg = ui::theme().background;
    SDL_SetRenderDrawColor(display_->renderer(), bg & 0xFF, (bg >> 8) & 0xFF, (bg >> 16) & 0xFF, 0xFF);
    SDL_RenderClear(display_->renderer());
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    SDL_RenderPresent(display_->renderer());
    input_.end_frame();
}

int KioskApp::run() {
    // Frames still owed after an input: ImGui needs the release frame and one to settle.
    constexpr int kFramesPerChange = 3;
    int owed = kFramesPerChange;
    bool running = true;
    while (running) {
        SDL_Event event;
        // Sleep until something happens or the idle countdown must move; nothing is redrawn
        // while nothing changes.
        bool have_event = false;
        if (owed > 0) {
            have_event = SDL_PollEvent(&event);
        } else {
            const int limit = sleep_limit_ms();
            have_event = limit < 0 ? SDL_WaitEvent(&event) : SDL_WaitEventTimeout(&event, limit);
            if (!have_event) owed = 1;  // the timer, not an event, woke us: one frame shows it
        }
        while (have_event) {
            int width = 0, height = 0;
            display_->size(width, height);
            if (event.type == SDL_QUIT) running = false;
            if (input_.handle(event, width, height)) owed = kFramesPerChange;
            if (event.type == SDL_WINDOWEVENT) owed = kFramesPerChange;
            have_event = SDL_PollEvent(&event);
        }
        if (owed > 0 && running) {
            render_frame();
            --owed;
        }
    }
    return 0;
}

}  // namespace selfcheck
