#include "tests/server/postgres_cluster.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pqxx/pqxx>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>

using namespace selfcheck;

namespace selfcheck::testing {
namespace {

namespace fs = std::filesystem;

const std::string kBin = "/usr/lib/postgresql/15/bin/";
const std::string kOwner = "postgres";

// A port that was free a moment ago on 127.0.0.1 (the kernel's pick for port 0).
int free_loopback_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        if (fd >= 0) ::close(fd);
        throw std::runtime_error("cannot find a free loopback port");
    }
    ::close(fd);
    return ntohs(address.sin_port);
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void run(const std::string& command, const fs::path& log) {
    if (std::system((command + " >>'" + log.string() + "' 2>&1").c_str()) != 0) {
        throw std::runtime_error("test PostgreSQL: '" + command + "' failed:\n" + read_file(log));
    }
}

}  // namespace

PostgresCluster::PostgresCluster() {
    try {
        start();
    } catch (...) {
        // The destructor does not run for a constructor that throws: leave nothing behind.
        std::error_code ignored;
        if (!dir_.empty()) fs::remove_all(dir_, ignored);
        throw;
    }
}

void PostgresCluster::start() {
    if (::geteuid() == 0) {
        owner_ = kOwner;
        if (::getpwnam(owner_.c_str()) == nullptr) {
            if (std::system(("useradd --system --no-create-home --shell /usr/sbin/nologin " + owner_).c_str()) != 0) {
                throw std::runtime_error("test PostgreSQL: cannot create the user '" + owner_ + "'");
            }
        }
    }
    std::random_device random;
    dir_ = fs::temp_directory_path() / ("selfcheck-pg-" + std::to_string(random()) + std::to_string(random()));
    fs::create_directories(dir_);
    if (!owner_.empty()) {
        const passwd* user = ::getpwnam(owner_.c_str());
        if (user == nullptr || ::chown(dir_.c_str(), user->pw_uid, user->pw_gid) != 0) {
            throw std::runtime_error("test PostgreSQL: cannot hand " + dir_.string() + " to " + owner_);
        }
    }
    const fs::path log = dir_ / "setup.log";
    run(run_as_owner(kBin + "initdb --no-sync --auth=trust --username=collector --encoding=UTF8 --locale=C -D '" +
                     (dir_ / "data").string() + "'"),
        log);
    // Unix sockets go into our dir, not /var/run/postgresql; fsync off: the data is thrown away.
    // The free port is only free until someone else takes it (tests run in parallel), so a
    // start that fails is tried again on another port.
    for (int attempt = 1;; ++attempt) {
        port_ = free_loopback_port();
        try {
            run(run_as_owner(kBin + "pg_ctl -w -t 60 -D '" + (dir_ / "data").string() + "' -l '" +
                             (dir_ / "server.log").string() + "' -o \"-c listen_addresses=127.0.0.1 -p " +
                             std::to_string(port_) + " -k '" + dir_.string() +
                             "' -c fsync=off -c synchronous_commit=off -c max_connections=120\" start"),
                log);
            break;
        } catch (const std::runtime_error&) {
            if (attempt == 3) throw;
        }
    }
    running_ = true;
}

PostgresCluster::~PostgresCluster() {
    if (running_) {
        std::system((run_as_owner(kBin + "pg_ctl -w -t 30 -D '" + (dir_ / "data").string() + "' -m immediate stop") +
                     " >/dev/null 2>&1")
                        .c_str());
    }
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
}

std::string PostgresCluster::run_as_owner(const std::string& command) const {
    if (owner_.empty()) return command;
    return "runuser -u " + owner_ + " -- " + command;
}

PostgresCluster& PostgresCluster::shared() {
    static PostgresCluster cluster;
    return cluster;
}

std::string PostgresCluster::create_database() {
    static std::atomic<int> next{0};
    std::random_device random;
    const std::string name =
        "test_" + std::to_string(::getpid()) + "_" + std::to_string(next++) + "_" + std::to_string(random() % 100000);
    const std::string server = "postgresql://collector@127.0.0.1:" + std::to_string(port_) + "/";
    pqxx::connection admin(server + "postgres");
    pqxx::nontransaction work(admin);
    work.exec("CREATE DATABASE " + name);
    return server + name;
}

}  // namespace selfcheck::testing
