#include "tests/support/child_process.h"

#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <stdexcept>

extern char** environ;

namespace selfcheck::testing {

ChildProcess::ChildProcess(std::vector<std::string> argv) {
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    const int rc = posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[1]);
    if (rc != 0) {
        close(pipe_fds[0]);
        throw std::runtime_error("cannot start " + argv.front());
    }
    out_fd_ = pipe_fds[0];
}

ChildProcess::~ChildProcess() {
    if (!exited_ && pid_ > 0) stop(SIGKILL, std::chrono::seconds(5));
    if (out_fd_ >= 0) close(out_fd_);
}

std::string ChildProcess::read_line(std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (true) {
        const auto newline = buffer_.find('\n');
        if (newline != std::string::npos) {
            std::string line = buffer_.substr(0, newline);
            buffer_.erase(0, newline + 1);
            return line;
        }
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return "";
        pollfd p{out_fd_, POLLIN, 0};
        if (poll(&p, 1, int(left.count())) <= 0) return "";
        char chunk[4096];
        const ssize_t n = read(out_fd_, chunk, sizeof chunk);
        if (n <= 0) return "";
        buffer_.append(chunk, size_t(n));
    }
}

std::string ChildProcess::read_all(std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    std::string out = std::move(buffer_);
    buffer_.clear();
    while (true) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return out;
        pollfd p{out_fd_, POLLIN, 0};
        if (poll(&p, 1, int(left.count())) <= 0) return out;
        char chunk[4096];
        const ssize_t n = read(out_fd_, chunk, sizeof chunk);
        if (n <= 0) return out;
        out.append(chunk, size_t(n));
    }
}

int ChildProcess::wait(std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!exited_) {
        int status = 0;
        const pid_t r = waitpid(pid_, &status, WNOHANG);
        if (r == pid_) {
            exited_ = true;
            status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
            break;
        }
        if (std::chrono::steady_clock::now() > deadline) return -1000;
        usleep(10000);
    }
    return status_;
}

int ChildProcess::stop(int signal, std::chrono::milliseconds limit) {
    if (!exited_) kill(pid_, signal);
    const int status = wait(limit);
    if (status == -1000) {
        kill(pid_, SIGKILL);
        wait(std::chrono::seconds(5));
        return -1000;  // it had to be killed: report the timeout, not how it died
    }
    return status;
}

RunResult run_program(const std::vector<std::string>& argv, std::chrono::milliseconds limit) {
    ChildProcess child(argv);
    std::string output = child.read_all(limit);
    const int status = child.wait(std::chrono::seconds(5));
    return {status, output};
}

}  // namespace selfcheck::testing
