// The staff panel's connection test tells "reachable and can store" from "reachable, but the
// store cannot take a write" (the collector's /healthz answers 503 "cannot_store") and from
// no answer at all. Against a stub /healthz on loopback.
#include "kiosk/core/staff_service.h"

#include <catch2/catch.hpp>
#include <httplib.h>

#include <thread>

using namespace selfcheck;
using Outcome = StaffService::Outcome;

namespace {

// A /healthz stub on a free loopback port, answering `status` with `body`.
class HealthStub {
public:
    HealthStub(int status, std::string body) {
        server_.Get("/healthz", [status, body](const httplib::Request&, httplib::Response& response) {
            response.status = status;
            response.set_content(body, "application/json");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~HealthStub() {
        server_.stop();
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/healthz"; }

private:
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
};

StaffService::Action test_connection(const std::string& url) {
    StaffService service(nullptr, {url, std::chrono::milliseconds(3000), std::chrono::milliseconds(1000), {}});
    service.test_connection();
    for (int i = 0; i < 400 && service.action().outcome == Outcome::Working; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return service.action();
}

}  // namespace

TEST_CASE("a collector that answers ok is reachable and can store") {
    HealthStub stub(200, R"({"status":"ok"})");
    CHECK(test_connection(stub.url()).outcome == Outcome::ConnectionOk);
}

TEST_CASE("a collector whose store cannot write is reachable but cannot store, and says why") {
    HealthStub stub(503, R"({"status":"cannot_store","error":"the store cannot take a write: disk full"})");
    const auto action = test_connection(stub.url());
    CHECK(action.outcome == Outcome::CannotStore);
    CHECK(action.error == "the store cannot take a write: disk full");
}

TEST_CASE("an answer that is not the collector's, or none, is a failed connection") {
    {
        HealthStub portal(200, "<html>Sign in to the Wi-Fi</html>");  // a captive portal
        const auto action = test_connection(portal.url());
        CHECK(action.outcome == Outcome::ConnectionFailed);
        CHECK(action.error == "HTTP 200");
    }
    {
        HealthStub proxy(503, "Service Unavailable");
        CHECK(test_connection(proxy.url()).outcome == Outcome::ConnectionFailed);
    }
    std::string closed_url;
    { closed_url = HealthStub(200, "{}").url(); }  // nothing listens there any more
    const auto action = test_connection(closed_url);
    CHECK(action.outcome == Outcome::ConnectionFailed);
    CHECK_FALSE(action.error.empty());
}
