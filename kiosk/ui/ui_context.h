#pragma once
// What a screen needs to draw itself and send intents: the session (model), the words, the
// fonts and the registry of named widgets.
#include "kiosk/audio/read_aloud.h"
#include "kiosk/core/session.h"
#include "kiosk/core/staff_panel.h"
#include "kiosk/core/staff_service.h"
#include "kiosk/core/staff_status.h"
#include "kiosk/core/wifi_service.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/widget_registry.h"
#include "protocol/content/messages.h"

#include <functional>
#include <set>
#include <string>

namespace selfcheck::ui {

// What the UI remembers between frames (never anything she answered).
struct UiMemory {
    std::string shown_screen;        // screen and question shown last frame, to start each new one at the top
    bool choosing_language = false;  // the language list is open over the screen
    float scroll_velocity = 0;       // pixels per frame the screen still glides after a flick
    float content_height = 0;        // the shown screen's content last frame: taller than its area, a cue strip is kept
    bool more_below = false;         // last frame, content lay below the visible part
    bool help_open = false;          // the question's help, shown behind a tap where room is short
    std::set<std::string> open_rights;  // result: the rights she tapped open
    std::string staff_confirm;          // staff: the action waiting for "Yes" (staff.end_day, staff.exit)
};

// The staff panel's parts for this frame. Absent in tests that never open it.
struct StaffView {
    StaffPanel& panel;
    StaffService& service;
    StaffStatus status;           // read once per frame
    bool can_exit = false;        // the device is not locked
    bool enrolled = false;        // records are sealed and kept (an NGO key); else demo mode
    bool exit_requested = false;  // set by the panel: the app closes after this frame
    WifiService* wifi = nullptr;  // null: no Wi-Fi control on this device (no row, no action)
};

struct UiContext {
    Session& session;
    const Messages& messages;
    WidgetRegistry& registry;
    const Fonts& fonts;
    std::string chrome_locale;  // locale of the chrome before a language is chosen
    UiMemory& memory;
    int idle_seconds_left = 0;  // > 0: show "Still there?" with this countdown
    StaffView* staff = nullptr;
    std::string title;  // the neutral title in the top bar; empty: the messages' app.title
    // Quick exit and Finish: forget her and show the welcome screen (KioskApp's one reset).
    std::function<void()> reset_for_next_person;
    bool keeps_records = false;         // enrolled: a finished result is sealed and kept; demo mode: nothing is
    float dpi = 96;                     // the screen's density: QR codes are sized in millimetres
    audio::ReadAloud* audio = nullptr;  // read aloud (kiosk/audio/README.md); null in tests without sound

    float em() const { return fonts.em; }
    const std::string& locale() const { return session.locale().empty() ? chrome_locale : session.locale(); }
    std::string text(const std::string& key) const { return messages.text(locale(), key); }
};

}  // namespace selfcheck::ui
