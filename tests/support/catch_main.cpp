// Catch2's main, with SIGPIPE ignored: a test's HTTP client that writes to a connection the
// server has closed (a 503 sent before the body is read) gets EPIPE, as a real client does,
// instead of killing the test process and leaving its collector running.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <csignal>

int main(int argc, char* argv[]) {
    std::signal(SIGPIPE, SIG_IGN);
    return Catch::Session().run(argc, argv);
}
