#include "kiosk/app/startup_times.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

namespace selfcheck {

namespace {

double steady_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// How long ago the kernel started this process, from /proc/self/stat's start time (field 22,
// clock ticks since boot) against CLOCK_BOOTTIME: the time exec and the dynamic loader took
// before any of our code ran. Resolution one tick (10 ms).
double ms_since_exec() {
    std::ifstream stat("/proc/self/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const size_t after_name = text.rfind(')');  // the command name may hold spaces
    if (after_name == std::string::npos) return -1;
    std::istringstream fields(text.substr(after_name + 2));
    std::string field;
    for (int i = 3; i < 22 && fields >> field; ++i) {}
    unsigned long long start_ticks = 0;
    if (!(fields >> start_ticks)) return -1;
    timespec boot{};
    clock_gettime(CLOCK_BOOTTIME, &boot);
    const double now_ms = double(boot.tv_sec) * 1e3 + double(boot.tv_nsec) / 1e6;
    return now_ms - double(start_ticks) * 1e3 / double(sysconf(_SC_CLK_TCK));
}

// Taken while static objects are initialised, before main().
[[maybe_unused]] const StartupTimes& early = StartupTimes::get();

}  // namespace

StartupTimes& StartupTimes::get() {
    static StartupTimes times;
    return times;
}

StartupTimes::StartupTimes() : exec_to_main_ms_(ms_since_exec()), origin_ms_(steady_ms()) {}

void StartupTimes::mark(const char* stage) {
    if (marks_.size() < 16) marks_.emplace_back(stage, steady_ms());  // tests make many apps in one process
}

std::string StartupTimes::describe() const {
    char part[96];
    std::string out;
    if (exec_to_main_ms_ >= 0) {
        std::snprintf(part, sizeof part, "exec to main %.0f ms", exec_to_main_ms_);
        out = part;
    }
    double previous = origin_ms_;
    for (const auto& [stage, at] : marks_) {
        std::snprintf(part, sizeof part, "%s%s +%.1f ms", out.empty() ? "" : ", ", stage.c_str(), at - previous);
        out += part;
        previous = at;
    }
    std::snprintf(part, sizeof part, " = %.1f ms",
                  previous - origin_ms_ + (exec_to_main_ms_ > 0 ? exec_to_main_ms_ : 0));
    return out + part;
}

}  // namespace selfcheck
