#pragma once
// Runs a callback on an ordinary thread when SIGINT or SIGTERM arrives.
// The signals are blocked and collected with sigwait(), so the callback may do things
// a signal handler must not (lock mutexes, call httplib::Server::stop()).

#include <atomic>
#include <csignal>
#include <functional>
#include <thread>

namespace selfcheck::collector {

class SignalWatcher {
public:
    // Construct before starting any other thread: threads inherit the blocked signal mask,
    // and a thread that does not block SIGTERM would receive it and be killed by it.
    explicit SignalWatcher(std::function<void(int signal)> on_signal);
    // Stops watching. The signals stay blocked, so a second Ctrl-C during shutdown cannot
    // kill a process that is already stopping cleanly.
    ~SignalWatcher();

    SignalWatcher(const SignalWatcher&) = delete;
    SignalWatcher& operator=(const SignalWatcher&) = delete;

private:
    void watch();

    std::function<void(int)> on_signal_;
    sigset_t watched_{};
    std::atomic<bool> closing_{false};
    std::thread thread_;
};

}  // namespace selfcheck::collector
