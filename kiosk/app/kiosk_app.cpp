#include "kiosk/app/kiosk_app.h"

#include "common/sqlite/storage_error.h"
#include "kiosk/app/startup_times.h"
#include "kiosk/core/content_updates.h"
#include "kiosk/core/device_config.h"
#include "kiosk/platform/system_events.h"
#include "kiosk/platform/watchdog.h"
#include "kiosk/sync/staff_sync_status.h"
#include "kiosk/ui/kiosk_ui.h"
#include "kiosk/ui/theme.h"
#include "protocol/content/content_error.h"
#include "protocol/content/content_messages.h"
#include "protocol/content/content_validator.h"
#include "protocol/content/review.h"
#include "protocol/record/record_rules.h"
#include "protocol/time/dates.h"

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace selfcheck {

float min_text_px(float dpi) { return dpi * 18.0f / 72.0f; }
float min_target_px(float dpi) { return dpi * 9.0f / 25.4f; }

float em_for_display(int width, int height, float dpi) {
    // About 24 em across and 30 em down: a phone gets 20 px, a 1080p kiosk 36 px; then at
    // least 18 pt wherever the screen is dense.
    const float by_width = static_cast<float>(width) / 24.0f;
    const float by_height = static_cast<float>(height) / 30.0f;
    return std::clamp(std::ceil(std::max(std::round(std::min(by_width, by_height)), min_text_px(dpi))), 18.0f, 96.0f);
}

namespace {

// kiosk.yaml wins over the defaults and the command line: it is what the NGO enrolled. Only
// a screen density it leaves unset (0) keeps the one given with --dpi.
void apply_device_config(KioskConfig& config, const Form& form) {
    std::vector<std::string> form_languages;
    for (const auto& language : form.languages) form_languages.push_back(language.locale);
    const int dpi_from_command_line = config.device.screen_dpi;
    config.device = load_device_config(config.device_config_file, form_languages);
    if (config.device.screen_dpi == 0) config.device.screen_dpi = dpi_from_command_line;
}

// The welcome screen offers the languages the device was set up for, in the form's order.
void offer_only_configured_languages(Form& form, const std::vector<std::string>& wanted) {
    if (wanted.empty()) return;
    auto& languages = form.languages;
    languages.erase(std::remove_if(languages.begin(), languages.end(),
                                   [&](const auto& l) {
                                       return std::find(wanted.begin(), wanted.end(), l.locale) == wanted.end();
                                   }),
                    languages.end());
    if (languages.empty())
        throw ContentError("kiosk config", 0, 0, "'languages': none of them is a language of the form");
}

// The power supply in the staff panel's words.
void read_power(StaffStatus& status) {
    const platform::PowerInfo power = platform::read_power();
    switch (power.source) {
    case platform::PowerInfo::Source::Mains: status.power = PowerSource::Mains; break;
    case platform::PowerInfo::Source::OnBattery: status.power = PowerSource::OnBattery; break;
    case platform::PowerInfo::Source::Charging: status.power = PowerSource::Charging; break;
    case platform::PowerInfo::Source::Charged: status.power = PowerSource::Charged; break;
    case platform::PowerInfo::Source::Unknown: status.power = PowerSource::Unknown; break;
    }
    status.battery_percent = power.percent;
}

}  // namespace

KioskApp::KioskApp(KioskConfig config) : config_(std::move(config)) {
    // The newest content bundle taken while syncing, if one checks out; else what was installed.
    if (!config_.data_dir.empty() || !config_.device_config_file.empty())
        if (const auto bundle = newest_valid_bundle(data_dir())) {
            config_.content_dir = bundle->dir;
            config_.locales_dir = bundle->locales_dir();
            content_version_ = bundle->content_version;
        }
    content_ = load_content(config_.content_dir);
    messages_ = std::make_unique<Messages>(config_.locales_dir);
    refresh_dated_values();
    refuse_invalid_content(content_, *messages_, config_.content_dir.string());
    StartupTimes::get().mark("content and messages");
    if (!config_.device_config_file.empty()) apply_device_config(config_, content_.form);
    offer_only_configured_languages(content_.form, config_.device.languages);
    audio_ = std::make_unique<audio::ReadAloud>(
        config_.device.audio, *messages_,
        audio::make_clip_catalog(content_, *messages_, config_.clip_dirs.value_or(audio::default_clip_dirs())));
    if (!audio_->problem().empty()) std::fprintf(stderr, "kiosk: read aloud is off: %s\n", audio_->problem().c_str());
    StartupTimes::get().mark("read aloud");

    open_outbox();
    StartupTimes::get().mark("outbox");
    start_session();

    platform::DisplayOptions options;
    options.headless = config_.headless;
    options.fullscreen = config_.fullscreen;
    options.width = config_.width;
    options.height = config_.height;
    options.title = messages_->text(config_.chrome_locale, "app.title");
    display_ = std::make_unique<platform::Display>(options);
    StartupTimes::get().mark("SDL display");
    dpi_ = config_.device.screen_dpi > 0 ? float(config_.device.screen_dpi) : display_->dpi();

    staff_panel_ = std::make_unique<StaffPanel>(config_.device.staff_pin_hash, config_.clock);
    StaffService::Settings staff_settings;
    if (!config_.device.collector_url.empty()) staff_settings.health_url = config_.device.collector_url + "/healthz";
    staff_settings.on_change = platform::wake_event_loop;
    staff_service_ = std::make_unique<StaffService>(sync_.get(), staff_settings);
    if (config_.wifi) {
        WifiService::Settings wifi_settings;
        wifi_settings.clock = config_.clock;
        wifi_settings.on_change = platform::wake_event_loop;
        wifi_service_ = std::make_unique<WifiService>(*config_.wifi, wifi_settings);
    }

    idle_ = std::make_unique<IdleTimer>(IdleTimer::Settings{config_.device.idle_prompt_after, config_.idle_countdown},
                                        config_.clock());

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing written to disk
    io.LogFilename = nullptr;
    ImGui_ImplSDLRenderer_Init(display_->renderer());
    imgui_ready_ = true;
    rebuild_fonts_if_needed();
    StartupTimes::get().mark("glyph atlas");
}

KioskApp::~KioskApp() {
    // Shutdown in an order that does not hang on the declaration order: first the threads
    // that call back into the app (the staff service's test, the sync worker, which wakes the
    // event loop through SDL and reads the outbox), then ImGui, then the rest.
    staff_service_.reset();
    wifi_service_.reset();
    sync_.reset();
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
    const float em = em_for_display(width, height, dpi_);
    if (em == fonts_.em) return;
    ImGuiIO& io = ImGui::GetIO();
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    fonts_ = ui::load_fonts(*io.Fonts, ui::default_font_files(), all_display_strings(), em);
    io.FontDefault = fonts_.body;
    ImGui_ImplSDLRenderer_CreateFontsTexture();  // builds the atlas and uploads it
    io.Fonts->ClearInputData();                  // the 19 MB CJK collection is no longer needed
    io.Fonts->ClearTexData();                    // the pixels now live in the SDL texture
    ui::apply_theme(em);
}

std::filesystem::path KioskApp::data_dir() const {
    std::filesystem::path dir = config_.data_dir;
    if (dir.empty()) dir = config_.device_config_file.parent_path();
    if (dir.empty()) dir = ".";
    return dir;
}

void KioskApp::start_session() {
    SessionSettings settings;
    settings.site = config_.device.site;
    settings.today = config_.today;
    settings.on_complete = [this](Record record) { keep(record); };
    session_ = std::make_unique<Session>(content_, std::move(settings));
}

void KioskApp::open_outbox() {
    if (!config_.device.ngo_public_key) {
        std::fprintf(stderr, "kiosk: no NGO public key (no --config): results are shown but not kept\n");
        return;
    }
    const std::filesystem::path dir = data_dir();
    sealer_ = std::make_unique<RecordSealer>(content_, *config_.device.ngo_public_key);
    OutboxOptions options;
    options.limits.max_records = config_.device.max_queued_records;
    options.limits.max_age_days = config_.device.max_queued_days;
    options.today = config_.today;
    outbox_ = std::make_unique<Outbox>(dir / "outbox.db", options);
    const std::string integrity = outbox_->integrity_check();
    if (integrity != "ok") storage_error_ = "outbox integrity check: " + integrity;
    if (config_.device.collector_url.empty()) return;  // kept until a collector is set up
    SyncSettings sync;
    sync.collector_url = config_.device.collector_url;
    sync.device_token = config_.device.device_token;
    sync.content_version = content_version_text(content_.form.id, content_.form.version, content_version_);
    if (config_.device.content_publisher_key) {
        content_fetch_ = std::make_unique<ContentFetch>(*config_.device.content_publisher_key, dir, content_version_);
        sync.content = content_fetch_.get();
    }
    sync.app_version = SELFCHECK_VERSION;
    sync.min_delay = config_.sync_min_delay;
    sync.max_delay = config_.sync_max_delay;
    sync.on_change = platform::wake_event_loop;
    sync_ = std::make_unique<SyncWorker>(*outbox_, sync);
}

void KioskApp::keep(const Record& record) {
    if (!outbox_) {
        ++records_completed_;
        return;
    }
    try {
        outbox_->add(record.record_id, sealer_->seal(record));
        ++records_completed_;
        storage_error_.clear();
        if (sync_) sync_->record_added();
    } catch (const StorageError& e) {
        // She still sees her result; staff see why it was not kept.
        storage_error_ = e.disk_full() ? std::string("the disk is full: ") + e.what() : e.what();
        std::fprintf(stderr, "kiosk: result not saved: %s\n", e.what());
    }
}

std::string KioskApp::screen_name() const { return ui::screen_name(*session_, staff_panel_.get()); }

ImVec2 KioskApp::staff_corner() const {
    // Inside the header's left end, where only the title is drawn.
    return ImVec2(2.5f * fonts_.em, ui::theme().header_height * fonts_.em);
}

void KioskApp::check_staff_gesture() {
    if (!staff_panel_->available() || staff_panel_->view() != StaffPanel::View::Closed) return;
    const ImVec2 corner = staff_corner();
    const bool held =
        input_.finger_down() && input_.x() >= 0 && input_.x() < corner.x && input_.y() >= 0 && input_.y() < corner.y;
    if (!corner_hold_.update(held, config_.clock())) return;
    // Whoever was answering is gone from the screen before staff see anything.
    reset_for_next_person();
    staff_panel_->ask_for_pin();
}

// Today's wage, holidays and other dated values (content/rights.yaml) in every message. A kiosk
// left running across a change (a new wage from 30 September) takes it up while the welcome
// screen waits for the next person, never in the middle of someone's session.
void KioskApp::refresh_dated_values() {
    const std::string today = config_.today();
    if (today == dated_values_on_) return;
    messages_->set_shared_args(content_args(content_, today));
    dated_values_on_ = today;
}

bool KioskApp::at_rest() const {
    return session_->step() == Step::Welcome && staff_panel_->view() == StaffPanel::View::Closed;
}

// A bundle the sync worker took is shown from the welcome screen on, never mid-session: the
// content, messages, read-aloud clips, sealer and session all change together, or, when the
// bundle does not load here, none of them does and staff are told why.
void KioskApp::take_content_update() {
    if (!content_fetch_ || !at_rest()) return;
    const std::optional<InstalledBundle> bundle = content_fetch_->take_ready();
    if (!bundle) return;
    Content content;
    std::unique_ptr<Messages> messages;
    try {
        content = load_content(bundle->dir);
        messages = std::make_unique<Messages>(bundle->locales_dir());
        refuse_invalid_content(content, *messages, bundle->dir.string());
        offer_only_configured_languages(content.form, config_.device.languages);
    } catch (const std::exception& error) {
        content_fetch_->refused(error.what());
        return;
    }
    audio_.reset();  // holds *messages_
    session_.reset();
    content_ = std::move(content);
    messages_ = std::move(messages);
    config_.content_dir = bundle->dir;
    config_.locales_dir = bundle->locales_dir();
    content_version_ = bundle->content_version;
    dated_values_on_.clear();
    refresh_dated_values();
    audio_ = std::make_unique<audio::ReadAloud>(
        config_.device.audio, *messages_,
        audio::make_clip_catalog(content_, *messages_, config_.clip_dirs.value_or(audio::default_clip_dirs())));
    if (sealer_) sealer_ = std::make_unique<RecordSealer>(content_, *config_.device.ngo_public_key);
    start_session();
    ui_memory_ = ui::UiMemory{};
    fonts_.em = 0;  // the glyph atlas is rebuilt for the new texts before the next frame is drawn
    content_fetch_->shown(content_version_);
    if (sync_)
        sync_->set_content_version(content_version_text(content_.form.id, content_.form.version, content_version_));
    std::fprintf(stderr, "kiosk: now showing content version %lld\n", static_cast<long long>(content_version_));
}

void KioskApp::reset_for_next_person() {
    audio_->wipe();  // silent at once; auto-read off, the next person chooses again
    session_->wipe();
    ui_memory_ = ui::UiMemory{};
    staff_service_->clear();
    if (wifi_service_) wifi_service_->clear();
    staff_panel_->close();  // wipes a passphrase half-typed too
    idle_->touch(config_.clock());
}

StaffStatus KioskApp::staff_status() const {
    StaffStatus status;
    status.completed_today = records_completed_;
    fill_sync_status(status, outbox_.get(), sync_.get());
    if (status.storage_error.empty()) status.storage_error = storage_error_;
    read_power(status);
    status.form_id = content_.form.id;
    status.form_version = content_.form.version;
    status.site = config_.device.site;
    status.content_overdue = long(overdue_reviews(content_, config_.today()).size());
    status.content_version = content_version_;
    if (content_fetch_) status.content_update_refused = content_fetch_->refusal();
    return status;
}

int KioskApp::check_idle() {
    const auto now = config_.clock();
    const bool resting = at_rest();
    if (resting) refresh_dated_values();
    if (input_.activity() != seen_activity_ || resting) {
        seen_activity_ = input_.activity();
        idle_->touch(now);  // the welcome screen is the resting state: nothing to time out
        return 0;
    }
    switch (idle_->state(now)) {
    case IdleTimer::State::Active: return 0;
    case IdleTimer::State::Prompting: return idle_->seconds_left(now);
    case IdleTimer::State::Expired: break;
    }
    // Abandoned: discarded, never stored. A staff panel left open closes too.
    reset_for_next_person();
    return 0;
}

int KioskApp::sleep_limit_ms() const {
    const auto now = config_.clock();
    auto until = [&](std::chrono::steady_clock::time_point when) {
        return int(std::max<long>(0, std::chrono::ceil<std::chrono::milliseconds>(when - now).count()));
    };
    int limit = -1;
    auto at_most = [&](int ms) { limit = limit < 0 ? ms : std::min(limit, ms); };
    if (const auto hold = corner_hold_.completes_at()) at_most(until(*hold));
    // The panel's counts, a lockout countdown and action outcomes move by themselves.
    if (staff_panel_->view() != StaffPanel::View::Closed) at_most(1000);
    // The speaker shows a playing state: it turns back soon after the sound ends.
    if (audio_->reading()) at_most(100);
    if (session_->step() != Step::Welcome || staff_panel_->view() != StaffPanel::View::Closed)
        at_most(until(idle_->next_change(now)));
    return limit;
}

void KioskApp::build_frame(int idle_seconds_left) {
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
    // Read only while the panel shows it (the power query may go over D-Bus).
    const bool panel_open = staff_panel_->view() == StaffPanel::View::Open;
    ui::StaffView staff{*staff_panel_, *staff_service_, panel_open ? staff_status() : StaffStatus{},
                        !config_.device.locked, outbox_ != nullptr};
    staff.wifi = wifi_service_.get();
    ui::UiContext context{*session_,
                          *messages_,
                          registry_,
                          fonts_,
                          config_.chrome_locale,
                          ui_memory_,
                          idle_seconds_left,
                          &staff,
                          config_.device.title,
                          [this] { reset_for_next_person(); },
                          outbox_ != nullptr,
                          dpi_,
                          audio_.get()};
    ui::draw_kiosk(context, ImGui::GetIO().DisplaySize);
    if (staff.exit_requested) exit_requested_ = true;
}

void KioskApp::render_frame() {
    take_content_update();
    rebuild_fonts_if_needed();
    int width = 0, height = 0;
    display_->size(width, height);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(width), float(height));
    // A fixed step keeps headless frames identical run to run; nothing here animates by time yet.
    io.DeltaTime = 1.0f / 60.0f;
    const int idle_seconds_left = check_idle();
    check_staff_gesture();
    input_.apply_to_imgui();
    // A tap acts on its release, part-way through drawing: what was drawn above the control (the
    // amount over the number pad) or the screen it opens would reach the screen one present late,
    // a whole frame on a slow board. So a frame in which the finger lifted is laid out once more
    // (no new input; ImGui's layout is cheap beside the software rasteriser) before it is drawn.
    build_frame(idle_seconds_left);
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        ImGui::EndFrame();
        build_frame(idle_seconds_left);
    }
    ImGui::Render();
    display_->clear(ui::theme().background);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    display_->present();
    input_.end_frame();
}

int KioskApp::run() {
    // Frames still owed after an input: ImGui needs the release frame and one to settle.
    constexpr int kFramesPerChange = 3;
    int owed = kFramesPerChange;
    bool running = true;
    platform::Watchdog watchdog;  // systemd's: READY=1 now that a frame is up, then pings
    watchdog.ready();
    while (running) {
        watchdog.ping();
        SDL_Event event;
        // Sleep until something happens or the idle countdown must move; nothing is redrawn
        // while nothing changes.
        bool have_event = false;
        if (owed > 0) {
            have_event = SDL_PollEvent(&event);
        } else if (animating()) {
            // About 60 frames a second while the screen glides, and only then.
            have_event = SDL_WaitEventTimeout(&event, 16);
            if (!have_event) owed = 1;
        } else {
            const int limit = watchdog.sleep_limit_ms(sleep_limit_ms());  // wake to ping in time
            have_event = limit < 0 ? SDL_WaitEvent(&event) : SDL_WaitEventTimeout(&event, limit);
            if (!have_event) owed = 1;  // the timer, not an event, woke us: one frame shows it
        }
        while (have_event) {
            int width = 0, height = 0;
            display_->size(width, height);
            if (event.type == SDL_QUIT) running = false;
            if (input_.handle(event, width, height)) owed = kFramesPerChange;
            if (event.type == SDL_WINDOWEVENT || event.type == SDL_USEREVENT) owed = kFramesPerChange;
            have_event = SDL_PollEvent(&event);
        }
        if (owed > 0 && running) {
            render_frame();
            --owed;
        }
        if (exit_requested_) running = false;  // staff closed an unlocked kiosk
    }
    watchdog.stopping();
    return 0;
}

}  // namespace selfcheck
