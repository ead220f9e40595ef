// Anomaly tests in SQLite's manner: the Nth write fails, or the Nth sync, or the Nth write
// finds the disk full; N counts up until the operation completes without the fault firing.
// After each fault: the failing call said clearly what failed, every record confirmed before
// is still there exactly once, the file passes integrity_check, and the outbox works again
// once the fault clears and it is reopened.
#include "kiosk/store/outbox.h"
#include "tests/store/outbox_test_support.h"
#include "tests/support/fault_vfs.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace selfcheck;
using namespace selfcheck::testing;

namespace {

const char* name(Fault fault) {
    switch (fault) {
    case Fault::WriteError: return "write error";
    case Fault::SyncError: return "sync error";
    case Fault::DiskFull: return "disk full";
    }
    return "?";
}

OutboxOptions faulty() {
    OutboxOptions options;
    options.vfs = kFaultVfsName;
    options.today = [] { return std::string("2026-11-22"); };
    return options;
}

// After a fault: reopen on the plain VFS and check what must hold. `maybe` is the record of
// the failed call, which may or may not have reached the disk, but never twice.
void check_recovered(const std::filesystem::path& file, const std::vector<std::string>& confirmed,
                     const std::string& maybe) {
    Outbox outbox(file, faulty());
    CHECK(outbox.integrity_check() == "ok");
    std::vector<std::string> ids = pending_ids(outbox);
    for (const auto& c : confirmed) CHECK(std::count(ids.begin(), ids.end(), c) == 1);
    CHECK(std::count(ids.begin(), ids.end(), maybe) <= 1);
    CHECK(ids.size() <= confirmed.size() + (maybe.empty() ? 0 : 1));
    outbox.add(id(999), "after the fault");  // works again
    CHECK(outbox.counts().queued == std::int64_t(ids.size()) + 1);
}

// Runs `operation` with the fault at the 1st, 2nd, ... call until it no longer fires.
// `setup` builds the outbox state before each attempt and returns the ids confirmed so far.
template <typename Setup, typename Operation>
int run_anomaly_loop(Fault fault, bool persistent, Setup setup, Operation operation,
                     const std::string& expected_operation) {
    install_fault_vfs();
    for (int n = 1; n < 200; ++n) {
        INFO(name(fault) << (persistent ? " (persistent)" : " (once)") << " at call " << n);
        TempDir dir;
        const auto file = dir.path() / "outbox.db";
        std::vector<std::string> confirmed;
        std::string maybe;
        bool failed = false;
        {
            Outbox outbox(file, faulty());
            confirmed = setup(outbox);
            arm_fault(fault, n, persistent);
            try {
                maybe = operation(outbox, confirmed);
            } catch (const StorageError& e) {
                failed = true;
                CHECK_THAT(e.what(), Catch::Contains(file.string()) && Catch::Contains(expected_operation));
                if (fault == Fault::DiskFull)
                    CHECK(e.disk_full());
                else
                    CHECK_THAT(e.what(), Catch::Contains("I/O error"));
            }
            const bool fired = fault_fired();
            disarm_fault();
            if (!fired) {
                CHECK_FALSE(failed);
                return n;  // the operation completed with no fault left to inject
            }
            if (!failed) {
                // SQLite absorbed the fault (e.g. a failed write it could retry or did not need):
                // the call must then have fully succeeded.
                if (!maybe.empty()) confirmed.push_back(maybe);
            }
        }
        check_recovered(file, confirmed, maybe);
    }
    FAIL("the fault kept firing after 200 calls");
    return 0;
}

std::vector<std::string> three_records(Outbox& outbox) {
    for (int i = 1; i <= 3; ++i) outbox.add(id(i), "sealed " + std::to_string(i));
    return {id(1), id(2), id(3)};
}

}  // namespace

TEST_CASE("add under write sync and disk-full faults loses no confirmed record") {
    for (Fault fault : {Fault::WriteError, Fault::SyncError, Fault::DiskFull}) {
        for (bool persistent : {true, false}) {
            const int calls = run_anomaly_loop(
                fault, persistent, three_records,
                [](Outbox& outbox, std::vector<std::string>&) {
                    outbox.add(id(4), "sealed 4");
                    return id(4);
                },
                "adding record " + id(4));
            CHECK(calls > 1);  // at least one fault was injected
        }
    }
}

TEST_CASE("acknowledge under faults deletes all or nothing") {
    for (Fault fault : {Fault::WriteError, Fault::SyncError, Fault::DiskFull}) {
        const int calls = run_anomaly_loop(
            fault, true, three_records,
            [](Outbox& outbox, std::vector<std::string>& confirmed) {
                outbox.acknowledge({id(1), id(2)});
                confirmed = {id(3)};  // acknowledged: only the third must remain
                return std::string();
            },
            "acknowledged records");
        CHECK(calls > 1);  // at least one fault was injected
    }
}

TEST_CASE("creating the outbox under faults fails clearly and a retry succeeds") {
    for (Fault fault : {Fault::WriteError, Fault::SyncError, Fault::DiskFull}) {
        install_fault_vfs();
        int faults_fired = 0;
        for (int n = 1;; ++n) {
            INFO(name(fault) << " at call " << n);
            REQUIRE(n < 200);
            TempDir dir;
            const auto file = dir.path() / "outbox.db";
            arm_fault(fault, n, true);
            bool failed = false;
            bool fired_while_opening = false;
            try {
                Outbox outbox(file, faulty());
                fired_while_opening = fault_fired();
                // Closing checkpoints the WAL: a fault there loses nothing, checked below.
            } catch (const StorageError& e) {
                failed = true;
                fired_while_opening = true;
                CHECK_THAT(e.what(), Catch::Contains(file.string()));
            }
            const bool fired = fault_fired();
            disarm_fault();
            if (!fired) break;
            ++faults_fired;
            CHECK(failed == fired_while_opening);
            check_recovered(file, {}, "");
        }
        CHECK(faults_fired > 0);  // the loop did inject faults before the open went through
    }
}
