// collector: receives anonymised self-assessment records from kiosks and stores them.
// Run `collector --help` for the commands.

#include "server/cli/commands.h"
#include "server/cli/options.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace collector;
    const ParsedOptions parsed = parse_options(std::vector<std::string>(argv + 1, argv + argc));
    if (!parsed.options) {
        std::cerr << "collector: " << parsed.error << "\nTry 'collector --help'.\n";
        return kExitUsage;
    }
    switch (parsed.options->command) {
    case Command::help: std::cout << usage_text(); return kExitOk;
    case Command::serve: return run_serve(*parsed.options);
    case Command::count: return run_count(*parsed.options);
    case Command::keygen: return run_keygen(*parsed.options);
    case Command::device_add: return run_device_add(*parsed.options);
    case Command::device_revoke: return run_device_revoke(*parsed.options);
    case Command::device_list: return run_device_list(*parsed.options);
    case Command::user_add: return run_user_add(*parsed.options);
    }
    return kExitUsage;
}
