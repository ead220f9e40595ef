// Outbox benchmark: prints, asserts nothing.
//   build/bench/outbox_bench [RECORDS=2000] [DIR=a fresh temp dir]
// - seal-and-commit time per record (p50/p99): RecordSealer::seal + Outbox::add, durable on return
// - database size per 1,000 queued records (after the WAL is checkpointed on close)
// - recovery after a SIGKILL mid-stream: open (WAL recovery) + integrity_check
// Records are built by the real Session on the real content with random answers.
#include "kiosk/store/outbox.h"
#include "protocol/crypto/sealing.h"
#include "protocol/record/record_rules.h"
#include "tests/support/random_session.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace selfcheck;
using namespace selfcheck::testing;
using SteadyClock = std::chrono::steady_clock;

namespace {

double ms_since(SteadyClock::time_point start) {
    return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p / 100.0 * double(values.size())))];
}

std::uintmax_t files_size(const std::filesystem::path& dir) {
    std::uintmax_t total = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) total += entry.file_size();
    return total;
}

// A child adds records until killed; the parent then times recovery.
double recovery_after_kill_ms(const Content& content, const PublicKey& key, const std::filesystem::path& file,
                              int run_ms) {
    const pid_t child = fork();
    if (child == 0) {
        std::mt19937 random{unsigned(getpid())};
        Outbox outbox(file);
        while (true) {
            const Record record = complete_random_session(content, random);
            outbox.add(record.record_id, RecordSealer(content, key).seal(record));
        }
    }
    usleep(useconds_t(run_ms) * 1000);
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    const auto start = SteadyClock::now();
    Outbox outbox(file);
    const std::string integrity = outbox.integrity_check();
    const double ms = ms_since(start);
    if (integrity != "ok") std::printf("  integrity_check after kill: %s\n", integrity.c_str());
    return ms;
}

}  // namespace

int main(int argc, char** argv) {
    const int count = argc > 1 ? std::atoi(argv[1]) : 2000;
    TempDir temp;
    const std::filesystem::path dir = argc > 2 ? std::filesystem::path(argv[2]) : temp.path();
    std::filesystem::create_directories(dir);
    const Content content = load_content(SELFCHECK_SOURCE_DIR "/content");
    const TestKeyPair ngo;
    std::mt19937 random(1);

    std::vector<Record> records;
    for (int i = 0; i < count; ++i) records.push_back(complete_random_session(content, random));

    const RecordSealer sealer(content, ngo.public_key);
    const auto file = dir / "bench-outbox.db";
    std::vector<double> per_record;
    size_t json_bytes = 0;
    {
        Outbox outbox(file);
        for (const auto& record : records) {
            const auto start = SteadyClock::now();
            outbox.add(record.record_id, sealer.seal(record));
            per_record.push_back(ms_since(start));
            json_bytes += record_to_json(record).size();
        }
    }
    const double db_bytes = double(std::filesystem::file_size(file));
    std::printf("outbox_bench: %d records on %s\n", count, dir.c_str());
    std::printf("  seal+commit per record: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", percentile(per_record, 50),
                percentile(per_record, 99), percentile(per_record, 100));
    std::printf("  record JSON: %.0f bytes average; sealed: +48 bytes\n", double(json_bytes) / count);
    std::printf("  database: %.1f KiB per 1,000 queued records (%.0f bytes total after close)\n",
                db_bytes / count * 1000 / 1024, db_bytes);

    std::vector<double> recovery;
    for (int run = 0; run < 5; ++run) {
        recovery.push_back(recovery_after_kill_ms(content, ngo.public_key, file, 300 + 100 * run));
    }
    std::printf(
        "  recovery after SIGKILL (open + integrity_check, %s now %.1f KiB with WAL): median %.2f ms, max %.2f ms\n",
        file.filename().c_str(), double(files_size(dir)) / 1024, percentile(recovery, 50), percentile(recovery, 100));
    return 0;
}
