#include "server/cli/referral_retention.h"

#include "protocol/time/dates.h"

#include <iostream>

namespace selfcheck::collector {

std::string retention_cutoff(const std::string& today, int days) { return add_days(today, -days).value_or(today); }

ReferralRetention::ReferralRetention(RecordStore& store, int days, std::chrono::seconds every)
    : store_(store), days_(days), every_(every) {
    sweep();
    thread_ = std::thread([this] {
        std::unique_lock lock(mutex_);
        while (!wake_.wait_for(lock, every_, [this] { return stopping_; })) {
            lock.unlock();
            sweep();
            lock.lock();
        }
    });
}

ReferralRetention::~ReferralRetention() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

std::int64_t ReferralRetention::sweep() {
    try {
        const std::int64_t erased = store_.erase_referrals_received_before(retention_cutoff(hong_kong_today(), days_));
        if (erased > 0)
            std::cerr << "collector: erased " << erased << " call-back requests past " << days_ << " days\n";
        return erased;
    } catch (const std::exception& error) {
        std::cerr << "collector: could not erase old call-back requests (will try again): " << error.what() << '\n';
        return 0;
    }
}

}  // namespace selfcheck::collector
