#include "server/cli/signal_watcher.h"

#include <pthread.h>

namespace selfcheck::collector {

SignalWatcher::SignalWatcher(std::function<void(int)> on_signal) : on_signal_(std::move(on_signal)) {
    sigemptyset(&watched_);
    sigaddset(&watched_, SIGINT);
    sigaddset(&watched_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &watched_, nullptr);
    thread_ = std::thread([this] { watch(); });
}

SignalWatcher::~SignalWatcher() {
    // Wake the watcher with a signal of our own; `closing_` tells it not to act on it.
    closing_ = true;
    pthread_kill(thread_.native_handle(), SIGTERM);
    thread_.join();
}

void SignalWatcher::watch() {
    int signal = 0;
    while (!closing_) {
        if (sigwait(&watched_, &signal) != 0) continue;
        if (!closing_) on_signal_(signal);
    }
}

}  // namespace selfcheck::collector
