#pragma once
// Where start-up time goes (issue #18): the time since the process began at each stage of
// KioskApp's construction and at the first present, printed on one line by `kiosk` so
// bench/kiosk_startup.sh can take medians. Costs a clock read per stage.
#include <string>
#include <utility>
#include <vector>

namespace selfcheck {

class StartupTimes {
public:
    // The process-wide record (start-up happens once).
    static StartupTimes& get();

    // `stage` just ended: e.g. "content" once the content is loaded and validated.
    void mark(const char* stage);
    // "exec to main 3 ms, content +41.2 ms, ..., first frame +12.0 ms = 205.3 ms".
    std::string describe() const;

private:
    StartupTimes();
    double exec_to_main_ms_ = -1;  // -1: not known (no /proc)
    double origin_ms_ = 0;         // steady clock at static initialisation
    std::vector<std::pair<std::string, double>> marks_;
};

}  // namespace selfcheck
