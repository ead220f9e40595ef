// Crash test: the writer is started again and again and SIGKILLed at random moments (during
// start-up, mid-transaction, between commit and print). After every kill the file passes
// integrity_check; at the end every record the writer confirmed is present exactly once,
// and every stored record opens with the test's secret key and carries its own id.
//
// CI runs 100 kills. The full run is 1,000 or more:
//   SELFCHECK_CRASH_KILLS=1000 ctest --test-dir build -L crash --output-on-failure
#include "kiosk/store/outbox.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <thread>

using namespace selfcheck;
using namespace selfcheck::testing;
using namespace std::chrono_literals;

namespace {

int kills_wanted() {
    const char* env = std::getenv("SELFCHECK_CRASH_KILLS");
    return env ? std::max(1, std::atoi(env)) : 100;
}

std::string integrity(const std::filesystem::path& file) {
    sqlite3* db = nullptr;
    std::string result;
    if (sqlite3_open(file.c_str(), &db) == SQLITE_OK) {
        sqlite3_stmt* check = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &check, nullptr);
        while (check && sqlite3_step(check) == SQLITE_ROW)
            result += reinterpret_cast<const char*>(sqlite3_column_text(check, 0));
        sqlite3_finalize(check);
        if (!check) result = sqlite3_errmsg(db);
    }
    sqlite3_close(db);
    return result;
}

}  // namespace

TEST_CASE("records confirmed before a SIGKILL are all there exactly once") {
    const int kills = kills_wanted();
    const TestKeyPair ngo;
    TempDir dir;
    const auto file = dir.path() / "outbox.db";
    std::mt19937 random(std::random_device{}());
    std::set<std::string> confirmed;
    int killed_before_ready = 0;

    for (int k = 0; k < kills; ++k) {
        ChildProcess writer({CRASH_WRITER, file.string(), SELFCHECK_SOURCE_DIR "/content", ngo.public_base64(),
                             std::to_string(random())});
        // One kill in ten lands during start-up (opening, recovering, migrating); the rest
        // after the outbox is open, a random while into the stream of adds.
        bool ready = false;
        if (random() % 10 == 0) {
            std::this_thread::sleep_for(std::chrono::microseconds(random() % 40000));
        } else {
            REQUIRE(writer.read_line(20s) == "ready");
            ready = true;
            std::this_thread::sleep_for(std::chrono::microseconds(random() % 30000));
        }
        writer.stop(SIGKILL, 5s);
        const std::string output = writer.read_all(2s);
        for (size_t start = 0, end; (end = output.find('\n', start)) != std::string::npos; start = end + 1) {
            const std::string line = output.substr(start, end - start);
            if (line == "ready") ready = true;
            if (line.rfind("confirmed ", 0) == 0) confirmed.insert(line.substr(10));
        }
        if (!ready) ++killed_before_ready;
        if (std::filesystem::exists(file)) {
            INFO("after kill " << k + 1);
            REQUIRE(integrity(file) == "ok");
        }
    }

    Outbox outbox(file);
    REQUIRE(outbox.integrity_check() == "ok");
    std::map<std::string, int> present;
    for (const auto& entry : outbox.next_batch(10000000)) {
        const auto record = nlohmann::json::parse(ngo.open(entry.sealed));
        CHECK(record.at("record_id") == entry.record_id);
        CHECK(record.at("site") == "crash-test-site");
        ++present[entry.record_id];
    }
    size_t missing = 0;
    for (const auto& id : confirmed)
        if (present[id] != 1) ++missing;
    size_t unconfirmed = 0;
    for (const auto& [id, count] : present) {
        CHECK(count == 1);
        if (!confirmed.count(id)) ++unconfirmed;
    }
    std::cout << "crash test: " << kills << " kills (" << killed_before_ready << " during start-up), "
              << confirmed.size() << " records confirmed, " << present.size() << " present, " << missing
              << " confirmed but missing, " << unconfirmed
              << " present but unconfirmed (killed between commit and print)\n";
    CHECK(missing == 0);
    CHECK(confirmed.size() > 0);
}
