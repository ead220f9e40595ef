// What a thief who copies the kiosk's data directory gets: the outbox files are read byte by
// byte, after completing sessions and again after a successful sync, and no answer, no
// question id and no record JSON may appear in them.
//
// record_id is the one plaintext value allowed: it is random, it is sent outside the seal in
// every batch anyway (docs/protocol.md), and the outbox needs it as a column to find a record
// the collector acknowledged. After acknowledgement even it must be gone.
#include "kiosk/store/outbox.h"
#include "protocol/crypto/sealing.h"
#include "protocol/record/record.h"
#include "protocol/record/record_rules.h"
#include "tests/support/random_session.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <set>

using namespace selfcheck;
using namespace selfcheck::testing;

namespace {

// Every file the outbox left in its directory (database, -wal, -shm, journals, temp files).
std::string all_bytes(const std::filesystem::path& dir) {
    std::string bytes;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        std::ifstream in(entry.path(), std::ios::binary);
        bytes.append(std::istreambuf_iterator<char>(in), {});
    }
    return bytes;
}

// What must never be readable: the record's JSON keys and fragments, every question id and
// every answer code of the form. Codes are searched with their JSON quotes (short codes like
// "no" would otherwise match random sealed bytes by chance); long ones bare too.
std::set<std::string> forbidden_strings(const Content& content) {
    std::set<std::string> forbidden = {"\"answers\"", "\"indicators\"",         "\"result_level\"", "\"completed_on\"",
                                       "\"form_id\"", "hk-mdw-self-assessment", "\"record_id\":"};
    for (const Question& q : content.form.questions) {
        forbidden.insert(q.id);
        for (const AnswerOption& o : q.options) {
            forbidden.insert("\"" + o.code + "\"");
            if (o.code.size() >= 6) forbidden.insert(o.code);
        }
    }
    for (const Indicator& i : content.indicators) forbidden.insert(i.id);
    return forbidden;
}

void check_no_plaintext(const std::filesystem::path& dir, const std::set<std::string>& forbidden) {
    const std::string bytes = all_bytes(dir);
    REQUIRE(bytes.size() > 0);
    for (const auto& s : forbidden) {
        INFO("found in the outbox files: " << s);
        CHECK(bytes.find(s) == std::string::npos);
    }
}

}  // namespace

TEST_CASE("the outbox files hold no answer before or after a sync") {
    const Content content = load_content(SELFCHECK_SOURCE_DIR "/content");
    const TestKeyPair ngo;
    TempDir dir;
    const auto forbidden = forbidden_strings(content);
    std::mt19937 random(5);
    std::vector<std::string> ids;
    std::vector<std::string> plain;
    {
        Outbox outbox(dir.path() / "outbox.db");
        for (int i = 0; i < 40; ++i) {
            const Record record = complete_random_session(content, random, "wan-chai-centre");
            plain.push_back(record_to_json(record));
            outbox.add(record.record_id, RecordSealer(content, ngo.public_key).seal(record));
            ids.push_back(record.record_id);
        }
        // While the outbox is open: database, WAL and shared memory as they are now.
        check_no_plaintext(dir.path(), forbidden);
        for (const auto& p : plain) CHECK(all_bytes(dir.path()).find(p.substr(0, 40)) == std::string::npos);

        // The sync succeeded: every record acknowledged.
        CHECK(outbox.acknowledge(ids) == 40);
        check_no_plaintext(dir.path(), forbidden);
        const std::string bytes = all_bytes(dir.path());
        for (const auto& id : ids) {
            INFO("acknowledged record id still on disk: " << id);
            CHECK(bytes.find(id) == std::string::npos);
        }
    }
    check_no_plaintext(dir.path(), forbidden);  // and after closing
}
