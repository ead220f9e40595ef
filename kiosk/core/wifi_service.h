#pragma once
// The staff panel's Wi-Fi, kept off the UI thread: every nmcli call (status, scan, join)
// runs on one worker thread in the order asked, and the panel reads the last outcome of
// each. `on_change` is called from that thread when one arrives (the app wakes its loop).
#include "kiosk/core/wifi_control.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace selfcheck {

class WifiService {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    struct Settings {
        std::chrono::seconds status_every{5};  // how stale the status row may get while shown
        Clock clock = std::chrono::steady_clock::now;
        std::function<void()> on_change;
    };
    enum class ScanState { Idle, Scanning, Listed, Failed };
    struct Scan {
        ScanState state = ScanState::Idle;
        std::vector<WifiScanEntry> networks;  // strongest first
        std::string error;                    // Failed: NetworkManager's reason
    };
    enum class JoinState { Idle, Joining, Joined, Failed };
    struct Join {
        JoinState state = JoinState::Idle;
        std::string ssid;
        std::string error;  // Failed: NetworkManager's reason
    };

    WifiService(WifiControl& wifi, Settings settings);
    ~WifiService();  // waits for the nmcli call under way, drops the rest
    WifiService(const WifiService&) = delete;
    WifiService& operator=(const WifiService&) = delete;

    // The last status read; none until the first read finishes.
    std::optional<WifiStatus> status() const;
    // Asks for a fresh status when the last is older than `status_every` and none is queued.
    void refresh_status();
    Scan scan() const;
    void start_scan();
    Join join() const;
    // Joins `ssid` with `passphrase` (empty: an open network); the copy handed to the worker
    // is wiped once nmcli has it. A fresh status follows.
    void start_join(const std::string& ssid, const std::string& passphrase);
    // Forgets the scan and the join outcome (the panel was closed or went back).
    void clear();
    // True while a call is queued or under way (tests wait on it).
    bool busy() const;

private:
    void enqueue(std::function<void()> job);
    void run();
    void changed();
    void read_status();

    WifiControl& wifi_;
    Settings settings_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> jobs_;
    bool running_job_ = false;
    bool stopping_ = false;
    bool status_queued_ = false;
    std::optional<std::chrono::steady_clock::time_point> status_asked_;
    std::optional<WifiStatus> status_;
    Scan scan_;
    Join join_;
    std::thread worker_;  // last: started once everything above exists
};

// Networks for the list: strongest first, the one in use first among equals (scan() already
// sorts; a fake or an older nmcli may not).
void sort_for_list(std::vector<WifiScanEntry>& networks);

}  // namespace selfcheck
