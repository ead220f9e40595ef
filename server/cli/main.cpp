// collector: receives anonymised self-assessment records from kiosks and stores them.
// Run `collector --help` for the commands.

#include "server/cli/commands.h"
#include "server/cli/options.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace selfcheck::collector;
    const ParsedOptions parsed = parse_options(std::vector<std::string>(argv + 1, argv + argc));
    if (!parsed.options) {
        std::cerr << "collector: " << parsed.error << "\nTry 'collector --help'.\n";
        return kExitUsage;
    }
    switch (parsed.options->command) {
    case Command::Help: std::cout << usage_text(); return kExitOk;
    case Command::Serve: return run_serve(*parsed.options);
    case Command::Count: return run_count(*parsed.options);
    case Command::Keygen: return run_keygen(*parsed.options);
    case Command::DeviceAdd: return run_device_add(*parsed.options);
    case Command::DeviceRevoke: return run_device_revoke(*parsed.options);
    case Command::DeviceList: return run_device_list(*parsed.options);
    case Command::UserAdd: return run_user_add(*parsed.options);
    case Command::Report: return run_report(*parsed.options);
    case Command::Backup: return run_backup(*parsed.options);
    case Command::ContentKeygen: return run_content_keygen(*parsed.options);
    case Command::ContentPublish: return run_content_publish(*parsed.options);
    case Command::ReferralKeygen: return run_referral_keygen(*parsed.options);
    case Command::ReferralCounts: return run_referral_counts(*parsed.options);
    }
    return kExitUsage;
}
