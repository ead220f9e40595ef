#pragma once
// The kiosk put together: content and messages loaded and checked, a display, ImGui with the
// kiosk's fonts and theme, the session, the outbox and its sync worker. Runs the event-driven loop, or is
// driven frame by frame by a TestDriver.
#include "kiosk/app/kiosk_config.h"
#include "kiosk/audio/read_aloud.h"
#include "kiosk/core/corner_hold.h"
#include "kiosk/core/idle_timer.h"
#include "kiosk/core/session.h"
#include "kiosk/core/staff_panel.h"
#include "kiosk/core/staff_service.h"
#include "kiosk/core/wifi_service.h"
#include "kiosk/platform/display.h"
#include "kiosk/platform/pointer_input.h"
#include "kiosk/store/outbox.h"
#include "kiosk/sync/sync_worker.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/ui_context.h"
#include "kiosk/ui/widget_registry.h"
#include "protocol/content/content.h"
#include "protocol/content/messages.h"
#include "protocol/record/record_rules.h"

#include <memory>
#include <string>
#include <vector>

namespace selfcheck {

class KioskApp {
public:
    // Throws ContentError (content invalid: the kiosk refuses to start), MessageError or DisplayError.
    explicit KioskApp(KioskConfig config);
    ~KioskApp();
    KioskApp(const KioskApp&) = delete;
    KioskApp& operator=(const KioskApp&) = delete;

    // Interactive: waits for input (0% CPU when idle), draws only when something changed.
    int run();

    // One complete frame: input applied, UI drawn, presented.
    void render_frame();

    Session& session() { return *session_; }
    const Form& form() const { return content_.form; }
    const Content& content() const { return content_; }
    const Messages& messages() const { return *messages_; }
    audio::ReadAloud& audio() { return *audio_; }
    platform::PointerInput& input() { return input_; }
    platform::Display& display() { return *display_; }
    const platform::Display& display() const { return *display_; }
    const ui::WidgetRegistry& registry() const { return registry_; }
    const ui::Fonts& fonts() const { return fonts_; }
    // Null in demo mode (no NGO key: nothing is kept) or without a collector.
    SyncWorker* sync() { return sync_.get(); }
    Outbox* outbox() { return outbox_.get(); }
    std::string screen_name() const;
    float screen_dpi() const { return dpi_; }
    // Something moves by itself (a flicked screen gliding): frames are owed until it stops.
    bool animating() const { return ui_memory_.scroll_velocity != 0; }
    StaffPanel& staff_panel() { return *staff_panel_; }
    // The language of the chrome (and the staff panel) while no language is chosen.
    void set_chrome_locale(std::string locale) { config_.chrome_locale = std::move(locale); }
    const StaffService& staff_service() const { return *staff_service_; }
    // Null without a Wi-Fi control (KioskConfig::wifi).
    WifiService* wifi_service() { return wifi_service_.get(); }
    // Where the staff panel's hidden hold must be: the top-left corner, clear of every button.
    ImVec2 staff_corner() const;
    // Completed and durably saved since start (in demo mode: completed).
    int records_completed() const { return records_completed_; }
    // Why the last completed record could not be saved; empty when saving works.
    const std::string& storage_error() const { return storage_error_; }

    // Every string the UI can show, in every language: what the glyph atlas must cover.
    std::vector<std::string> all_display_strings() const;

private:
    void rebuild_fonts_if_needed();
    // Applies the idle rules for this frame; returns the countdown to show (0: none).
    int check_idle();
    // The corner hold: a finger held there long enough asks for the staff PIN.
    void check_staff_gesture();
    void refresh_dated_values();
    // The welcome screen with no staff panel: the moments content may change.
    bool at_rest() const;
    void take_content_update();
    void start_session();
    // Where the outbox and the content bundles live: --data-dir, else beside kiosk.yaml.
    std::filesystem::path data_dir() const;
    // The UI laid out for one frame (ImGui::NewFrame to the end of drawing, not yet rendered).
    void build_frame(int idle_seconds_left);
    // The one way the kiosk forgets a person: quick exit, Finish, the idle wipe and the staff
    // corner all end here. Her answers, the screen's state and any staff panel are gone.
    void reset_for_next_person();
    void open_outbox();
    // Seals the record to the NGO key and commits it to the outbox; only then does it count.
    void keep(const Record& record);
    StaffStatus staff_status() const;
    // How long the event loop may sleep before the screen must change by itself (-1: forever).
    int sleep_limit_ms() const;

    KioskConfig config_;
    Content content_;
    std::unique_ptr<Messages> messages_;
    std::string dated_values_on_;              // the day (YYYY-MM-DD) messages_ has the dated values of
    std::unique_ptr<audio::ReadAloud> audio_;  // holds *messages_: declared after it
    std::unique_ptr<RecordSealer> sealer_;     // set with the outbox: records are sealed before they are kept
    std::unique_ptr<Outbox> outbox_;
    std::int64_t content_version_ = 0;             // the bundle shown; 0: the installed content
    std::unique_ptr<ContentFetch> content_fetch_;  // null: no publisher key pinned; used by sync_
    std::unique_ptr<SyncWorker> sync_;
    std::string storage_error_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<platform::Display> display_;
    platform::PointerInput input_;
    ui::WidgetRegistry registry_;
    ui::UiMemory ui_memory_;
    ui::Fonts fonts_;
    int records_completed_ = 0;
    std::unique_ptr<IdleTimer> idle_;
    CornerHold corner_hold_;
    std::unique_ptr<StaffPanel> staff_panel_;
    std::unique_ptr<StaffService> staff_service_;
    std::unique_ptr<WifiService> wifi_service_;  // null without a Wi-Fi control
    bool exit_requested_ = false;
    float dpi_ = 96;
    unsigned long seen_activity_ = 0;
    bool imgui_ready_ = false;
};

// The body text size in pixels for a screen: grows with the screen, and never below 18 pt
// at the screen's density (`dpi` pixels per inch).
float em_for_display(int width, int height, float dpi);
// The smallest text and touch target the kiosk allows, in pixels at `dpi`.
float min_text_px(float dpi);    // 18 pt
float min_target_px(float dpi);  // 9 mm

}  // namespace selfcheck
