#include "kiosk/core/wifi_service.h"

#include "kiosk/core/staff_pin.h"
#include "kiosk/core/wifi_network.h"

#include <algorithm>

namespace selfcheck {

void sort_for_list(std::vector<WifiScanEntry>& networks) {
    std::stable_sort(networks.begin(), networks.end(), [](const WifiScanEntry& a, const WifiScanEntry& b) {
        if (a.signal_percent != b.signal_percent) return a.signal_percent > b.signal_percent;
        return a.in_use && !b.in_use;
    });
}

WifiService::WifiService(WifiControl& wifi, Settings settings)
    : wifi_(wifi), settings_(std::move(settings)), worker_([this] { run(); }) {}

WifiService::~WifiService() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        jobs_.clear();
    }
    wake_.notify_all();
    worker_.join();
}

void WifiService::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
        wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (stopping_) return;
        auto job = std::move(jobs_.front());
        jobs_.pop_front();
        running_job_ = true;
        lock.unlock();
        job();
        lock.lock();
        running_job_ = false;
    }
}

void WifiService::enqueue(std::function<void()> job) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_) return;
        jobs_.push_back(std::move(job));
    }
    wake_.notify_one();
}

void WifiService::changed() {
    if (settings_.on_change) settings_.on_change();
}

std::optional<WifiStatus> WifiService::status() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return status_;
}

void WifiService::read_status() {
    WifiStatus status = wifi_.status();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        status_ = std::move(status);
        status_queued_ = false;
    }
    changed();
}

void WifiService::refresh_status() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        const auto now = settings_.clock();
        if (status_queued_ || (status_asked_ && now - *status_asked_ < settings_.status_every)) return;
        status_queued_ = true;
        status_asked_ = now;
    }
    enqueue([this] { read_status(); });
}

WifiService::Scan WifiService::scan() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return scan_;
}

void WifiService::start_scan() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (scan_.state == ScanState::Scanning) return;
        scan_ = Scan{ScanState::Scanning, {}, {}};
    }
    enqueue([this] {
        Scan scan;
        try {
            scan.networks = wifi_.scan();
            sort_for_list(scan.networks);
            scan.state = ScanState::Listed;
        } catch (const std::exception& e) {
            scan.state = ScanState::Failed;
            scan.error = e.what();
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (scan_.state == ScanState::Scanning) scan_ = std::move(scan);  // else cleared meanwhile
        }
        changed();
    });
}

WifiService::Join WifiService::join() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return join_;
}

void WifiService::start_join(const std::string& ssid, const std::string& passphrase) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (join_.state == JoinState::Joining) return;
        join_ = Join{JoinState::Joining, ssid, {}};
    }
    // The worker's own copy, in a buffer that never grows, wiped as soon as nmcli returns.
    auto secret = std::make_shared<std::string>();
    secret->reserve(64);
    secret->assign(passphrase);
    enqueue([this, ssid, secret] {
        Join join{JoinState::Joined, ssid, {}};
        try {
            wifi_.connect(ssid, *secret);
        } catch (const std::exception& e) {
            join.state = JoinState::Failed;
            join.error = e.what();
        }
        wipe_pin(*secret);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (join_.state == JoinState::Joining) join_ = std::move(join);
        }
        read_status();  // the row says what the join did
    });
}

void WifiService::clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    scan_ = Scan{};
    join_ = Join{};
}

bool WifiService::busy() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return running_job_ || !jobs_.empty();
}

}  // namespace selfcheck
