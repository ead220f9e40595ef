#pragma once
// Pieces the staff screens share: the column with its title, a gap, a status-table row.
#include "kiosk/ui/screens/screens.h"

namespace selfcheck::ui {

void gap(float em_units, float em);
// A column at most `max_em` wide, its title drawn at the top.
Column begin_staff_screen(UiContext& ui, const ScreenArea& area, float max_em, const char* title_key);
// One row of the status table: a coloured mark (green fine, amber needs a look, red acts
// now), then the sentence.
enum class Health { Fine, Look, Act };
void status_row(UiContext& ui, const std::string& line, Health health, float left, float width, bool shaded);

}  // namespace selfcheck::ui
