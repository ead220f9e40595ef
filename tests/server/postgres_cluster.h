#pragma once
// A throwaway PostgreSQL server for tests labelled pg: initdb and pg_ctl from
// /usr/lib/postgresql/15/bin, in a fresh temp dir, listening only on 127.0.0.1 at a free
// port. PostgreSQL refuses to run as root, so as root it runs as the unprivileged
// 'postgres' user (created with useradd if missing). Stopped and removed by the destructor,
// which also runs when a test fails (Catch unwinds and returns from main).

#include <filesystem>
#include <string>

namespace selfcheck::testing {

class PostgresCluster {
public:
    PostgresCluster();   // throws std::runtime_error with initdb's or pg_ctl's log on failure
    ~PostgresCluster();  // pg_ctl stop -m immediate, then removes the directory
    PostgresCluster(const PostgresCluster&) = delete;
    PostgresCluster& operator=(const PostgresCluster&) = delete;

    // One cluster per test process, started on first use.
    static PostgresCluster& shared();

    // Creates an empty database and returns its postgresql:// connection string.
    std::string create_database();

    int port() const { return port_; }

private:
    void start();
    std::string run_as_owner(const std::string& command) const;  // a shell command prefix

    std::filesystem::path dir_;
    std::string owner_;  // empty: the current (non-root) user
    int port_ = 0;
    bool running_ = false;
};

}  // namespace selfcheck::testing
