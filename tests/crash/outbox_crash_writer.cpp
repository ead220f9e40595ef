// The writer the crash test kills: completes sessions on the real content with random
// answers, seals each record and adds it to the outbox, and prints "confirmed <record_id>"
// only after add() returned, i.e. only for records the kiosk would have called saved.
//   outbox_crash_writer DB CONTENT_DIR NGO_PUBLIC_KEY_BASE64 SEED
// Prints "ready" once the outbox is open; runs until killed.
#include "kiosk/store/outbox.h"
#include "protocol/content/content.h"
#include "protocol/crypto/sealing.h"
#include "protocol/record/record.h"
#include "protocol/record/record_rules.h"
#include "tests/support/random_session.h"

#include <unistd.h>

#include <cstdio>
#include <exception>
#include <string>

namespace {

// One write(2) per line: a pipe write this small is atomic, so a kill never leaves half a line.
void say(const std::string& line) {
    const std::string text = line + "\n";
    if (write(STDOUT_FILENO, text.data(), text.size()) != ssize_t(text.size())) _exit(3);
}

}  // namespace

int main(int argc, char** argv) {
    using namespace selfcheck;
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s DB CONTENT_DIR NGO_PUBLIC_KEY_BASE64 SEED\n", argv[0]);
        return 2;
    }
    try {
        const Content content = load_content(argv[2]);
        const RecordSealer sealer(content, parse_public_key(argv[3]));
        std::mt19937 random(std::stoul(argv[4]));
        Outbox outbox(argv[1]);
        say("ready");
        while (true) {
            const Record record = testing::complete_random_session(content, random, "crash-test-site");
            outbox.add(record.record_id, sealer.seal(record));
            say("confirmed " + record.record_id);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "outbox_crash_writer: %s\n", e.what());
        return 1;
    }
}
