#pragma once
// What a screen needs to draw itself and send intents: the session (model), the words, the
// fonts and the registry of named widgets.
#include "kiosk/core/session.h"
#include "kiosk/core/staff_panel.h"
#include "kiosk/core/staff_service.h"
#include "kiosk/core/staff_status.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/widget_registry.h"
#include "protocol/content/messages.h"

#include <functional>
#include <string>

namespace selfcheck::ui {

// What the UI remembers between frames (never anything she answered).
struct UiMemory {
    std::string shown_screen;        // screen and question shown last frame, to start each new one at the top
    bool choosing_language = false;  // the language list is open over the screen
    float scroll_velocity = 0;       // pixels per frame the screen still glides after a flick
};

// The staff panel's parts for this frame. Absent in tests that never open it.
struct StaffView {
    StaffPanel& panel;
    StaffService& service;
    StaffStatus status;           // read once per frame
    bool can_exit = false;        // the device is not locked
    bool exit_requested = false;  // set by the panel: the app closes after this frame
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

    float em() const { return fonts.em; }
    const std::string& locale() const { return session.locale().empty() ? chrome_locale : session.locale(); }
    std::string text(const std::string& key) const { return messages.text(locale(), key); }
};

}  // namespace selfcheck::ui
