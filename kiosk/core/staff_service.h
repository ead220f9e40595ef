#pragma once
// The staff panel's actions: send now, test the connection, end the outreach day. The slow
// ones run on a thread of their own so the panel keeps drawing; `on_change` is called from
// that thread when an outcome arrives (the app wakes its event loop with it).
#include "kiosk/core/http_client.h"
#include "kiosk/core/sync_control.h"

#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace selfcheck {

class StaffService {
public:
    struct Settings {
        std::string health_url;  // empty: no collector set up
        std::chrono::milliseconds connection_timeout{5000};
        std::chrono::milliseconds end_day_wait{30000};
        std::function<void()> on_change;
    };
    // The connection test tells three answers apart: ConnectionOk (the collector answered and
    // its store takes writes: records can be sent), CannotStore (reachable, but /healthz says
    // its store cannot take a write: records stay queued, nothing is lost) and
    // ConnectionFailed (no answer, or one that is not the collector's).
    enum class Outcome {
        None,
        Working,
        ConnectionOk,
        CannotStore,
        ConnectionFailed,
        DayEnded,
        DayPending,
        NoCollector
    };
    struct Action {
        Outcome outcome = Outcome::None;
        std::string error;   // ConnectionFailed, CannotStore: why
        size_t pending = 0;  // DayPending: records still queued
    };

    // `sync` may be null (no collector configured).
    StaffService(SyncControl* sync, Settings settings);
    ~StaffService();  // waits for a running action to finish
    StaffService(const StaffService&) = delete;
    StaffService& operator=(const StaffService&) = delete;

    Action action() const;
    // Forget the last outcome (the panel was closed).
    void clear();

    void sync_now();
    // GET /healthz (docs/protocol.md, "Health"); the outcome says reachable and whether the
    // collector can store.
    void test_connection();
    // One last send, then a clear answer: everything sent, or how many still wait.
    void end_day();

    // What a /healthz answer means for staff (public for tests).
    static Action connection_outcome(const HttpResponse& response);

private:
    // Runs `task` on the worker thread unless one is already running.
    void start(std::function<Action()> task);
    void finish(Action action);

    SyncControl* sync_;
    Settings settings_;
    mutable std::mutex mutex_;
    Action action_;
    std::thread worker_;
};

}  // namespace selfcheck
