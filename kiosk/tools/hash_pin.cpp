// kiosk-hash-pin: turns a staff PIN into the hash line the kiosk's config stores.
//   echo 4821 | kiosk-hash-pin
// Reads one line from stdin (the PIN: 4 to 12 digits), prints its Argon2id hash to stdout.
// Exit status: 0 printed, 1 hashing failed, 2 bad PIN or usage.
// The PIN comes on stdin, never as an argument, so it stays out of shell history and `ps`.
#include "kiosk/core/staff_pin.h"

#include <unistd.h>

#include <iostream>
#include <stdexcept>
#include <string>

int main(int argc, char**) {
    if (argc > 1) {
        std::cerr << "usage: kiosk-hash-pin < file-with-pin\n"
                     "reads the staff PIN (4 to 12 digits) from stdin, prints its hash\n";
        return 2;
    }
    if (isatty(STDIN_FILENO)) std::cerr << "staff PIN (4 to 12 digits): " << std::flush;

    std::string pin;
    pin.reserve(256);  // a typical line never reallocates, leaving no stray copy to wipe
    std::getline(std::cin, pin);
    if (!pin.empty() && pin.back() == '\r') pin.pop_back();  // a file saved on Windows

    int status = 0;
    try {
        std::cout << selfcheck::hash_staff_pin(pin) << "\n";
    } catch (const std::invalid_argument& e) {
        std::cerr << "kiosk-hash-pin: " << e.what() << "\n";
        status = 2;
    } catch (const std::exception& e) {
        std::cerr << "kiosk-hash-pin: " << e.what() << "\n";
        status = 1;
    }
    selfcheck::wipe_pin(pin);
    return status;
}
