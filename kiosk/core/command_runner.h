#pragma once
// Runs another program (nmcli) and collects what it prints, with a time limit. The Wi-Fi
// control takes a CommandRunner so that tests can stand in for NetworkManager.
#include <chrono>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace selfcheck {

// The program could not be started, or did not finish in time (it is then killed).
class CommandError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct CommandResult {
    int exit_code = 0;  // the program's exit status; 128 + N when signal N ended it
    std::string out;
    std::string err;
};

using CommandRunner = std::function<CommandResult(const std::vector<std::string>& argv)>;

// Runs argv[0] (looked up in PATH) with stdin from /dev/null. Throws CommandError.
CommandResult run_command(const std::vector<std::string>& argv, std::chrono::milliseconds limit);

}  // namespace selfcheck
