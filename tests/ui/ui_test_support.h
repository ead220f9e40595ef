#pragma once
// What every UI test checks on a frame, and the helpers they share: a headless config, a
// clock moved by hand, and walking to the first answer.
#include "kiosk/app/frame_check.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/test_driver.h"

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace selfcheck::testing {

// A headless kiosk at the density of a real device with that many pixels (see typical_dpi).
KioskConfig headless(int width, int height);

// frame_problems(app) is empty (frame_check.h), else lists them all.
void check_text_of_frame(KioskApp& app);

// Not blank: a real screen has text and buttons, so many pixels differ from the background
// and there are many distinct colours (anti-aliased glyphs).
void check_not_blank(const std::vector<uint8_t>& rgba);

// A clock the test moves by hand.
struct FakeClock {
    std::shared_ptr<std::chrono::steady_clock::time_point> now =
        std::make_shared<std::chrono::steady_clock::time_point>(std::chrono::steady_clock::time_point{} +
                                                                std::chrono::hours(1));
    void advance(std::chrono::seconds by) const { *now += by; }
    std::function<std::chrono::steady_clock::time_point()> source() const {
        auto shared = now;
        return [shared] { return *shared; };
    }
};

// The staff PIN UI tests type ("2468"), and its hash for DeviceConfig::staff_pin_hash.
inline const char* kTestStaffPin = "2468";
const std::string& test_staff_pin_hash();

// From the welcome screen: chooses `locale`, reads the privacy notice, answers the first
// question with its first answer, and stops on the second.
void answer_first_question(TestDriver& driver, KioskApp& app, const std::string& locale);

}  // namespace selfcheck::testing
