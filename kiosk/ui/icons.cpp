#include "kiosk/ui/icons.h"

namespace selfcheck::ui::icon {

std::vector<unsigned> all_code_points() {
    return {0xE002, 0xE047, 0xE050, 0xE0B0, 0xE14A, 0xE15D, 0xE310, 0xE5C4, 0xE5C8, 0xE5CA, 0xE5CD,
            0xE5CE, 0xE5CF, 0xE5D8, 0xE63E, 0xE86C, 0xE887, 0xE88E, 0xE894, 0xE897, 0xE8FD, 0xE9BA};
}

const char* for_answer(const std::string& code) {
    if (code == "yes") return kYes;
    if (code == "no") return kNo;
    if (code == "not_sure") return kNotSure;
    if (code == "prefer_not") return kPreferNot;
    return nullptr;
}

}  // namespace selfcheck::ui::icon
