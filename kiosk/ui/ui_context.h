#pragma once
// What a screen needs to draw itself and send intents: the session (model), the words, the
// fonts and the registry of named widgets.
#include "fonts.h"
#include "widget_registry.h"

#include "messages.h"
#include "session.h"

#include <string>

namespace selfcheck::ui {

// What the UI remembers between frames (never anything she answered).
struct UiMemory {
    std::string shown_screen;        // screen and question shown last frame, to start each new one at the top
    bool choosing_language = false;  // the language list is open over the screen
};

struct UiContext {
    Session& session;
    const Messages& messages;
    WidgetRegistry& registry;
    const Fonts& fonts;
    std::string chrome_locale;
    UiMemory& memory;
    int idle_seconds_left = 0;  // > 0: show "Still there?" with this countdown  // locale of the chrome before a language is chosen

    float em() const { return fonts.em; }
    const std::string& locale() const {
        return session.locale().empty() ? chrome_locale : session.locale();
    }
    std::string text(const std::string& key) const { return messages.text(locale(), key); }
};

}  // namespace selfcheck::ui
