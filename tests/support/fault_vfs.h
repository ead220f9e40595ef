#pragma once
// An SQLite VFS that wraps the default one and fails on purpose, as SQLite's own anomaly
// tests do: the Nth write, the Nth sync, or SQLITE_FULL (disk full) from the Nth write.
// Open a database with vfs name kFaultVfsName, arm a fault, run the operation; loop N
// upward until the operation completes without the fault firing.
namespace selfcheck::testing {

inline constexpr const char* kFaultVfsName = "selfcheck-fault";

enum class Fault {
    WriteError,  // xWrite returns SQLITE_IOERR_WRITE
    SyncError,   // xSync returns SQLITE_IOERR_FSYNC
    DiskFull,    // xWrite returns SQLITE_FULL
};

// Registers the VFS (not as the default); safe to call more than once.
void install_fault_vfs();
// Counts from zero: the `nth` write (or sync) fails; with `persistent`, every one after it
// too, as a disk that stays full would.
void arm_fault(Fault fault, int nth, bool persistent);
void disarm_fault();
// True when the armed fault has failed at least one call since arm_fault.
bool fault_fired();

}  // namespace selfcheck::testing
