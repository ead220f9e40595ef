#pragma once
// The collector's HTTP server (server/http) on 127.0.0.1, a free port, in a background
// thread, serving whatever routes a test adds to router() before start().

#include "server/api/http_api.h"
#include "server/http/http_server.h"

#include <catch2/catch.hpp>

#include <memory>
#include <thread>

class RunningRouter {
public:
    RunningRouter() : router_(selfcheck::collector::make_collector_router()) {}
    ~RunningRouter() {
        if (!server_) return;
        server_->stop();
        thread_.join();
    }
    selfcheck::collector::http::Router& router() { return router_; }
    void start(selfcheck::collector::http::ServerLimits limits = {}) {
        server_ = std::make_unique<selfcheck::collector::http::HttpServer>(router_, limits);
        port_ = server_->listen("127.0.0.1", 0);
        REQUIRE(port_ > 0);
        thread_ = std::thread([this] { server_->run(); });
    }
    int port() const { return port_; }

private:
    selfcheck::collector::http::Router router_;
    std::unique_ptr<selfcheck::collector::http::HttpServer> server_;
    int port_ = 0;
    std::thread thread_;
};
