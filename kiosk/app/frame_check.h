#pragma once
// What must hold on every frame a person sees, checked from what the UI recorded it drew
// (kiosk/ui/widget_registry.h):
// - every character has a glyph, every string fits its box, no text under 18 pt;
// - every button lies on screen (or in a scroll region that can bring it there) and is at
//   least 9 mm; its edge stands out 3:1 from what is around it (WCAG 1.4.11);
// - no two drawn things overlap: text, buttons, QR codes, the "more below" cue;
// - no word cut between letters or after a short prefix ("I- / tap"), no phone number or amount split across lines, no
// Chinese
//   paragraph ending in a line of one character;
// - QR codes at least 25 mm across;
// - the result's outcome and urgent panels have a title larger than the text under it.
// opening_problems() adds what must hold when a screen has just opened: it starts at the
// top, its title or question is on screen, and its actions (answers, keys, Back, Done) are
// visible without scrolling. The UI tests and `kiosk --screenshots` both ask these, so the
// screenshot set proves what a person would see.
#include "kiosk/app/kiosk_app.h"

#include <string>
#include <vector>

namespace selfcheck {

// One line per problem, naming the widget or text; empty when the frame is sound.
std::vector<std::string> frame_problems(const KioskApp& app);

// frame_problems() plus the checks for a screen that has just opened.
std::vector<std::string> opening_problems(const KioskApp& app);

// Widgets a screen's task needs: answers, keypad keys, the language buttons, Back and the
// bottom bar's actions, the staff actions.
bool is_primary_action(const std::string& widget);

// The density of a real device with that many pixels: 480x800 a 7-inch tablet (133 dpi),
// 800x1280 a 10.1-inch tablet (149 dpi), larger a 21.5-inch 1080p touchscreen (102 dpi).
int typical_dpi(int width, int height);

// WCAG 2 contrast ratio of two opaque colours (IM_COL32 packing), 1 to 21.
double contrast_ratio(unsigned a, unsigned b);

// The smallest QR code the kiosk draws, in millimetres: a phone camera reads it from arm's length.
constexpr float kMinQrMillimetres = 25.0f;

}  // namespace selfcheck
