#include "server/cli/commands.h"
#include "server/keys/key_files.h"

#include <filesystem>
#include <iostream>

namespace selfcheck::collector {

int run_keygen(const Options& options) {
    const std::filesystem::path dir = options.out_dir;
    try {
        write_new_key_pair(dir);
    } catch (const std::exception& error) {
        std::cerr << "collector: " << error.what() << '\n';
        return kExitFailure;
    }
    std::cout << "Wrote the NGO key pair:\n"
              << "  " << (dir / kPublicKeyFile).string() << "  public: goes into every kiosk.yaml\n"
              << "                  (collector device add --public-key ...)\n"
              << "  " << (dir / kSecretKeyFile).string() << "  SECRET, mode 0600\n"
              << "\n"
              << "The secret key must live only on the collector machine, readable only by the\n"
              << "account that runs 'collector serve --secret-key " << (dir / kSecretKeyFile).string() << "'.\n"
              << "Why: kiosks seal every record to the public key and cannot read it back, so a\n"
              << "stolen or seized kiosk gives nothing away. Whoever holds the secret key can read\n"
              << "every record ever sealed to it: never copy it to a kiosk, an e-mail or a shared\n"
              << "drive. Keep one offline backup (e.g. an encrypted USB stick in a safe): if the\n"
              << "secret key is lost, records still queued on kiosks can never be opened.\n";
    return kExitOk;
}

}  // namespace selfcheck::collector

namespace selfcheck::collector {

int run_referral_keygen(const Options& options) {
    const std::filesystem::path dir = options.out_dir;
    try {
        write_new_referral_key_pair(dir, options.organisation);
    } catch (const std::exception& error) {
        std::cerr << "collector: " << error.what() << '\n';
        return kExitFailure;
    }
    const std::string public_file = (dir / referral_public_key_file(options.organisation)).string();
    std::cout << "Wrote the referral key pair of '" << options.organisation << "':\n"
              << "  " << public_file << "  public: its one line goes into content/directory.yaml as\n"
              << "      referral_key: \"...\" of organisation '" << options.organisation << "'\n"
              << "  " << (dir / referral_secret_key_file(options.organisation)).string() << "  SECRET, mode 0600\n"
              << "\n"
              << "Kiosks seal every call-back request to this organisation with the public key;\n"
              << "only the secret key opens one, and each holds a worker's phone number. Give the\n"
              << "secret key only to the collector its caseworkers use, never to a kiosk or an\n"
              << "analyst. To stop referrals to it, remove its referral_key from the directory.\n";
    return kExitOk;
}

}  // namespace selfcheck::collector
