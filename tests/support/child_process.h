#pragma once
// Starts a program for a test, reads its stdout line by line, and stops it. Used to run the
// real collector and kiosk binaries against each other on loopback.
#include <chrono>
#include <string>
#include <vector>

namespace selfcheck::testing {

class ChildProcess {
public:
    explicit ChildProcess(std::vector<std::string> argv);
    ~ChildProcess();  // kills the child if it still runs
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // The next line of stdout (without '\n'), or "" on EOF or when the time is up.
    std::string read_line(std::chrono::milliseconds limit);
    // Everything the child prints until it exits (or the time is up).
    std::string read_all(std::chrono::milliseconds limit);
    // Sends a signal; then waits for exit. Returns the exit status, or -signal, or -1000 on timeout.
    int stop(int signal, std::chrono::milliseconds limit);
    int wait(std::chrono::milliseconds limit);

private:
    int pid_ = -1;
    int out_fd_ = -1;
    std::string buffer_;
    bool exited_ = false;
    int status_ = 0;
};

// Runs a program to completion and returns its exit status and stdout.
struct RunResult {
    int status;
    std::string output;
};
RunResult run_program(const std::vector<std::string>& argv, std::chrono::milliseconds limit);

}  // namespace selfcheck::testing
