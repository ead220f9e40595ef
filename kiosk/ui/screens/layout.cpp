#include "kiosk/ui/screens/screens.h"
#include "kiosk/ui/theme.h"

#include <algorithm>

namespace selfcheck::ui {

Column centred_column(const ScreenArea& area, float max_em, float em) {
    const float width = std::min(area.width() - 2 * theme().padding * em, max_em * em);
    return {area.min.x + (area.width() - width) * 0.5f, width};
}

}  // namespace selfcheck::ui
