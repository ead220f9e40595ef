#pragma once
// What must hold on every frame a person sees: every character has a glyph, every string
// fits its box, every button lies on screen (or in a scroll region that can bring it there)
// and is at least 9 mm, and no text is under 18 pt at the screen's density. The UI tests and
// `kiosk --screenshots` both ask this, so the screenshot set proves nothing was clipped.
#include "kiosk/app/kiosk_app.h"

#include <string>
#include <vector>

namespace selfcheck {

// One line per problem, naming the widget or text; empty when the frame is sound.
std::vector<std::string> frame_problems(const KioskApp& app);

// The density of a real device with that many pixels: 480x800 a 7-inch tablet (133 dpi),
// 800x1280 a 10.1-inch tablet (149 dpi), larger a 21.5-inch 1080p touchscreen (102 dpi).
int typical_dpi(int width, int height);

}  // namespace selfcheck
