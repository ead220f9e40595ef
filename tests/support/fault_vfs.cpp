#include "tests/support/fault_vfs.h"

#include <sqlite3.h>

#include <atomic>
#include <cstring>
#include <stdexcept>

namespace selfcheck::testing {

namespace {

struct State {
    std::atomic<bool> armed{false};
    Fault fault = Fault::WriteError;
    int nth = 0;
    bool persistent = false;
    std::atomic<int> calls{0};
    std::atomic<bool> fired{false};
};

State state;
sqlite3_vfs* real_vfs = nullptr;
sqlite3_vfs fault_vfs;
sqlite3_io_methods fault_methods;

// Our file: the wrapper's header, then the real VFS's file in the same allocation.
struct FaultFile {
    sqlite3_file base;
    sqlite3_file* real;
};

sqlite3_file* real(sqlite3_file* file) { return reinterpret_cast<FaultFile*>(file)->real; }

// Should this call of the kind `is_sync` fail?
bool should_fail(bool is_sync) {
    if (!state.armed) return false;
    if (is_sync != (state.fault == Fault::SyncError)) return false;
    const int call = ++state.calls;
    if (call == state.nth || (state.persistent && call > state.nth)) {
        state.fired = true;
        return true;
    }
    return false;
}

int x_close(sqlite3_file* f) {
    const int rc = real(f)->pMethods->xClose(real(f));
    f->pMethods = nullptr;
    return rc;
}
int x_read(sqlite3_file* f, void* out, int amount, sqlite3_int64 offset) {
    return real(f)->pMethods->xRead(real(f), out, amount, offset);
}
int x_write(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
    if (should_fail(false)) return state.fault == Fault::DiskFull ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    return real(f)->pMethods->xWrite(real(f), data, amount, offset);
}
int x_truncate(sqlite3_file* f, sqlite3_int64 size) { return real(f)->pMethods->xTruncate(real(f), size); }
int x_sync(sqlite3_file* f, int flags) {
    if (should_fail(true)) return SQLITE_IOERR_FSYNC;
    return real(f)->pMethods->xSync(real(f), flags);
}
int x_file_size(sqlite3_file* f, sqlite3_int64* size) { return real(f)->pMethods->xFileSize(real(f), size); }
int x_lock(sqlite3_file* f, int level) { return real(f)->pMethods->xLock(real(f), level); }
int x_unlock(sqlite3_file* f, int level) { return real(f)->pMethods->xUnlock(real(f), level); }
int x_check_reserved(sqlite3_file* f, int* out) { return real(f)->pMethods->xCheckReservedLock(real(f), out); }
int x_file_control(sqlite3_file* f, int op, void* arg) { return real(f)->pMethods->xFileControl(real(f), op, arg); }
int x_sector_size(sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); }
int x_device_characteristics(sqlite3_file* f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); }
int x_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
    return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
    return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void x_shm_barrier(sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); }
int x_shm_unmap(sqlite3_file* f, int delete_flag) { return real(f)->pMethods->xShmUnmap(real(f), delete_flag); }

int x_open(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out_flags) {
    auto* f = reinterpret_cast<FaultFile*>(file);
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    const int rc = real_vfs->xOpen(real_vfs, name, f->real, flags, out_flags);
    // Version 2 methods: WAL needs shared memory; memory-mapped reads stay off.
    f->base.pMethods = f->real->pMethods ? &fault_methods : nullptr;
    return rc;
}

}  // namespace

void install_fault_vfs() {
    if (sqlite3_vfs_find(kFaultVfsName)) return;
    real_vfs = sqlite3_vfs_find(nullptr);
    if (!real_vfs) throw std::runtime_error("no default SQLite VFS");
    fault_vfs = *real_vfs;
    fault_vfs.zName = kFaultVfsName;
    fault_vfs.szOsFile = int(sizeof(FaultFile)) + real_vfs->szOsFile;
    fault_vfs.xOpen = x_open;
    fault_vfs.pNext = nullptr;
    fault_methods = sqlite3_io_methods{2,
                                       x_close,
                                       x_read,
                                       x_write,
                                       x_truncate,
                                       x_sync,
                                       x_file_size,
                                       x_lock,
                                       x_unlock,
                                       x_check_reserved,
                                       x_file_control,
                                       x_sector_size,
                                       x_device_characteristics,
                                       x_shm_map,
                                       x_shm_lock,
                                       x_shm_barrier,
                                       x_shm_unmap,
                                       nullptr,
                                       nullptr};
    if (sqlite3_vfs_register(&fault_vfs, 0) != SQLITE_OK) throw std::runtime_error("cannot register the fault VFS");
}

void arm_fault(Fault fault, int nth, bool persistent) {
    state.armed = false;
    state.fault = fault;
    state.nth = nth;
    state.persistent = persistent;
    state.calls = 0;
    state.fired = false;
    state.armed = true;
}

void disarm_fault() { state.armed = false; }

bool fault_fired() { return state.fired; }

}  // namespace selfcheck::testing
