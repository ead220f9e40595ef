#pragma once
// The retention period of call-back requests (docs/protocol.md, "Referrals"): while `serve`
// runs, every hour, the sealed box of each request received more than `days` days ago (Hong
// Kong dates) is erased, closed or not. A request must not wait on a disk for ever.
#include "server/store/record_store.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace selfcheck::collector {

// The first day (YYYY-MM-DD) a request received on or after is kept, `days` before `today`.
std::string retention_cutoff(const std::string& today, int days);

class ReferralRetention {
public:
    // Sweeps once now (so a collector that was down catches up), then every `every`.
    ReferralRetention(RecordStore& store, int days, std::chrono::seconds every = std::chrono::hours(1));
    ~ReferralRetention();
    ReferralRetention(const ReferralRetention&) = delete;
    ReferralRetention& operator=(const ReferralRetention&) = delete;

    // Erases what is past the period; returns how many. Logs, never throws: a store that is
    // down now is swept at the next round.
    std::int64_t sweep();

private:
    RecordStore& store_;
    int days_;
    std::chrono::seconds every_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace selfcheck::collector
