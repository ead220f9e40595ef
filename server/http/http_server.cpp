#include "server/http/http_server.h"

#include "server/http/client_address.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <array>
#include <iostream>
#include <limits>
#include <map>
#include <mutex>
#include <optional>

namespace selfcheck::collector::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using error_code = boost::system::error_code;

// After an error reply to a request whose body was not read, the rest of the body is read
// and thrown away for a short while, so the client gets to read the reply instead of a reset.
constexpr auto kLingerTime = std::chrono::seconds(3);

}  // namespace

struct HttpServer::Impl {
    Impl(const Router& routes, ServerLimits given) : router(routes), limits(std::move(given)) {}

    const Router& router;
    const ServerLimits limits;
    // Before io and pool: connections still queued there count themselves out as they go.
    std::mutex counts_mutex;
    std::size_t connections = 0;
    std::map<std::string, std::size_t> per_client;

    asio::io_context io{1};
    std::optional<tcp::acceptor> acceptor;
    // Made by run(), not before: a thread started earlier would not have the signal mask the
    // caller sets up between construction and run() (cli/signal_watcher.h).
    std::optional<asio::thread_pool> pool;

    void accept();
    // Counts a new connection; false when it is over a limit.
    bool admit(const std::string& peer);
    void release(const std::string& peer);
};

namespace {

class Connection : public std::enable_shared_from_this<Connection> {
public:
    Connection(HttpServer::Impl& server, tcp::socket socket, std::string peer, bool counted)
        : server_(server),
          socket_(std::move(socket)),
          timer_(socket_.get_executor()),
          peer_(std::move(peer)),
          counted_(counted) {}
    ~Connection() {
        if (counted_) server_.release(peer_);
    }

    void start() { read_header(); }

private:
    const ServerLimits& limits() const { return server_.limits; }

    // A deadline for what the connection waits for now. When it passes, the pending socket
    // operation is cancelled but the socket stays open, so a 408 can still be written (Beast's
    // tcp_stream closes the socket on expiry, which leaves nothing to answer on).
    void expires_after(Clock::duration wait) {
        timed_out_ = false;
        timer_.expires_after(wait);
        timer_.async_wait([self = shared_from_this(), armed = ++deadline_](error_code error) {
            if (error || armed != self->deadline_) return;
            self->timed_out_ = true;
            error_code ignored;
            self->socket_.cancel(ignored);
        });
    }
    void expires_never() {
        ++deadline_;
        timer_.cancel();
    }
    // The error of a read or write, with a cancellation by the deadline told apart.
    error_code judged(error_code error) const {
        if (timed_out_ && error == asio::error::operation_aborted) return beast::error::timeout;
        return error;
    }

    void read_header() {
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(limits().header_bytes));
        // No limit while the header is read (Beast would judge a declared length at once); the
        // route's own limit is set before any body byte is read.
        parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
        request_started_ = Clock::now();
        expires_after(limits().header_timeout);
        bhttp::async_read_header(
            socket_, buffer_, *parser_,
            [self = shared_from_this()](error_code error, std::size_t) { self->on_header(self->judged(error)); });
    }

    void on_header(error_code error) {
        if (error == beast::error::timeout) {
            // Something arrived but not a whole header in time (slowloris): say so and go.
            if (buffer_.size() > 0 || parser_->got_some()) return reply_error(408, "request headers: took too long");
            return close();
        }
        if (error == bhttp::error::header_limit) return reply_error(431, "request headers: too large");
        if (error == bhttp::error::end_of_stream || error == asio::error::eof ||
            error == asio::error::connection_reset || error == asio::error::operation_aborted) {
            return close();
        }
        if (error) return reply_error(400, "malformed HTTP request: " + error.message());

        const auto& header = parser_->get();
        request_ = Request{};
        request_.method = std::string(header.method_string());
        const std::string target(header.target());
        const std::size_t question = target.find('?');
        request_.path = target.substr(0, question);
        for (const auto& field : header) {
            request_.headers.emplace(std::string(field.name_string()), std::string(field.value()));
        }
        request_.peer_address = normalise_address(peer_);
        request_.client_address = client_address(peer_, request_.header("X-Forwarded-For"), limits().trusted_proxies);
        keep_alive_ = header.keep_alive();

        const boost::optional<std::uint64_t> length = parser_->content_length();
        has_body_ = parser_->chunked() || (length && *length > 0);

        if (request_.path.find("%00") != std::string::npos) return reply_error(400, "request target: holds a NUL byte");
        std::string query_error;
        if (question != std::string::npos && !parse_query(target.substr(question + 1), request_.params, query_error)) {
            return reply_error(400, "query: " + query_error);
        }

        const RouteMatch match = server_.router.match(request_.method, request_.path);
        if (match.status == 405) {
            allow_ = match.allow;
            return reply_error(405, request_.path + " only accepts " + match.allow);
        }
        if (match.status != 200) {
            // Nothing to read a body for: refused as too large before a byte of it is read.
            if (has_body_)
                return reply_error(413,
                                   "body: " + request_.path.substr(0, 100) + " is not an endpoint; nothing was read");
            return reply_error(match.status, "no such endpoint");
        }
        route_ = match.route;

        const std::string encoding = request_.header("Content-Encoding");
        if (!encoding.empty() && media_type(encoding) != "identity") {
            return reply_error(
                415, "Content-Encoding: '" + encoding.substr(0, 40) + "' is not accepted; send the body uncompressed");
        }
        if (route_->max_body == 0) {
            if (has_body_) return reply_error(413, "body: " + request_.path + " takes no body");
            return dispatch();
        }
        const std::string type = media_type(request_.header("Content-Type"));
        if (std::find(route_->media_types.begin(), route_->media_types.end(), type) == route_->media_types.end()) {
            std::string expected;
            for (const std::string& accepted : route_->media_types)
                expected += (expected.empty() ? "" : " or ") + accepted;
            return reply_error(415, "Content-Type: expected " + expected);
        }
        if (length && *length > route_->max_body) {
            return reply_error(413, "body: larger than " + std::to_string(route_->max_body) + " bytes");
        }
        if (!has_body_) return dispatch();
        parser_->body_limit(route_->max_body);
        if (beast::iequals(header[bhttp::field::expect], "100-continue")) return send_continue();
        read_body();
    }

    void send_continue() {
        static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        expires_after(limits().write_timeout);
        asio::async_write(socket_, asio::buffer(kContinue), [self = shared_from_this()](error_code error, std::size_t) {
            if (self->judged(error)) return self->close();
            self->read_body();
        });
    }

    // Body reads one piece at a time, so a stall (no byte for body_stall_timeout) is told
    // from a slow but moving upload, which only the whole-request deadline stops.
    void read_body() {
        const auto deadline = request_started_ + limits().request_timeout;
        const auto now = Clock::now();
        if (now >= deadline)
            return reply_error(
                408, "request: not received within " + std::to_string(limits().request_timeout.count()) + " s");
        expires_after(std::min<Clock::duration>(limits().body_stall_timeout, deadline - now));
        bhttp::async_read_some(socket_, buffer_, *parser_, [self = shared_from_this()](error_code error, std::size_t) {
            self->on_body(self->judged(error));
        });
    }

    void on_body(error_code error) {
        if (error == bhttp::error::body_limit) {
            return reply_error(413, "body: larger than " + std::to_string(route_->max_body) + " bytes");
        }
        if (error == beast::error::timeout) {
            return reply_error(408,
                               "body: no data for a while or not complete in time; nothing was stored, send it again");
        }
        if (error == bhttp::error::end_of_stream || error == bhttp::error::partial_message ||
            error == asio::error::eof || error == asio::error::connection_reset) {
            return close();
        }
        if (error) return reply_error(400, "malformed HTTP request body: " + error.message());
        if (!parser_->is_done()) return read_body();
        has_body_ = false;  // read whole: the connection can be kept
        request_.body = std::move(parser_->get().body());
        if (request_.body.find('\0') != std::string::npos) return reply_error(400, "body: holds a NUL byte");
        dispatch();
    }

    void dispatch() {
        expires_never();
        asio::post(*server_.pool, [self = shared_from_this()] {
            Response response;
            try {
                self->route_->handler(self->request_, response);
            } catch (const std::exception& error) {
                std::cerr << "collector: " << self->request_.method << ' ' << self->request_.path
                          << " failed: " << error.what() << '\n';
                response = Response{};
                self->server_.router.write_error(response, 503,
                                                 "the collector could not complete the request; try again later");
            }
            asio::post(self->socket_.get_executor(),
                       [self, response = std::move(response)]() mutable { self->write(std::move(response)); });
        });
    }

    void reply_error(int status, const std::string& message) {
        Response response;
        server_.router.write_error(response, status, message);
        if (status == 405) response.set_header("Allow", allow_);
        // A body left unread (or a broken request) leaves the connection unusable.
        response.close = true;
        write(std::move(response));
    }

    void write(Response response) {
        reply_.emplace();
        reply_->version(11);
        reply_->result(static_cast<unsigned>(response.status));
        for (const auto& [name, value] : response.headers) reply_->insert(name, value);
        reply_->body() = std::move(response.body);
        const bool keep = keep_alive_ && !response.close && !has_body_;
        reply_->keep_alive(keep);
        reply_->prepare_payload();
        expires_after(limits().write_timeout);
        bhttp::async_write(socket_, *reply_, [self = shared_from_this(), keep](error_code error, std::size_t) {
            if (self->judged(error)) return self->close();
            if (keep) return self->read_header();
            self->linger();
        });
    }

    // Half-close, then read and drop whatever the client still sends, briefly, so it reads
    // the reply before the connection goes.
    void linger() {
        error_code ignored;
        socket_.shutdown(tcp::socket::shutdown_send, ignored);
        linger_until_ = Clock::now() + kLingerTime;
        drain();
    }

    void drain() {
        const auto now = Clock::now();
        if (now >= linger_until_) return close();
        expires_after(linger_until_ - now);
        socket_.async_read_some(asio::buffer(drain_buffer_),
                                [self = shared_from_this()](error_code error, std::size_t) {
                                    if (self->judged(error)) return self->close();
                                    self->drain();
                                });
    }

    void close() {
        expires_never();
        error_code ignored;
        socket_.shutdown(tcp::socket::shutdown_both, ignored);
        socket_.close(ignored);
    }

    HttpServer::Impl& server_;
    tcp::socket socket_;
    asio::steady_timer timer_;
    std::uint64_t deadline_ = 0;  // which expires_after() the timer's handler belongs to
    bool timed_out_ = false;
    beast::flat_buffer buffer_{8192};
    std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
    std::optional<bhttp::response<bhttp::string_body>> reply_;
    std::string peer_;
    bool counted_;
    Clock::time_point request_started_;
    Clock::time_point linger_until_;
    Request request_;
    const Route* route_ = nullptr;
    std::string allow_;
    bool keep_alive_ = false;
    bool has_body_ = false;
    std::array<char, 16 * 1024> drain_buffer_{};
};

}  // namespace

bool HttpServer::Impl::admit(const std::string& peer) {
    std::lock_guard<std::mutex> lock(counts_mutex);
    if (connections >= limits.max_connections) return false;
    const bool proxy = is_trusted_proxy(peer, limits.trusted_proxies);
    if (!proxy && per_client[peer] >= limits.max_connections_per_client) return false;
    ++connections;
    ++per_client[peer];
    return true;
}

void HttpServer::Impl::release(const std::string& peer) {
    std::lock_guard<std::mutex> lock(counts_mutex);
    --connections;
    const auto found = per_client.find(peer);
    if (found != per_client.end() && --found->second == 0) per_client.erase(found);
}

void HttpServer::Impl::accept() {
    acceptor->async_accept(io, [this](error_code error, tcp::socket socket) {
        if (error == asio::error::operation_aborted || !acceptor->is_open()) return;
        if (!error) {
            error_code ignored;
            const auto endpoint = socket.remote_endpoint(ignored);
            const std::string peer = normalise_address(endpoint.address().to_string());
            if (admit(peer)) {
                std::make_shared<Connection>(*this, std::move(socket), peer, true)->start();
            } else {
                // Over a limit: a short answer without reading anything, then close.
                static const std::string kBusyBody = "{\"error\":\"too many connections; try again later\"}";
                static const std::string kBusy =
                    "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nConnection: close\r\n"
                    "Content-Type: application/json\r\nContent-Length: " +
                    std::to_string(kBusyBody.size()) + "\r\n\r\n" + kBusyBody;
                socket.non_blocking(true, ignored);
                socket.write_some(asio::buffer(kBusy), ignored);
                socket.shutdown(tcp::socket::shutdown_both, ignored);
                socket.close(ignored);
            }
        } else if (error == asio::error::no_descriptors) {
            std::cerr << "collector: out of file descriptors; refusing connections for now\n";
        }
        accept();
    });
}

HttpServer::HttpServer(const Router& router, ServerLimits limits)
    : impl_(std::make_unique<Impl>(router, std::move(limits))) {}

HttpServer::~HttpServer() {
    stop();
    if (impl_->pool) impl_->pool->join();
}

int HttpServer::listen(const std::string& host, int port) {
    const std::string where =
        (host.find(':') == std::string::npos ? host : "[" + host + "]") + ":" + std::to_string(port);
    error_code error;
    const auto address = asio::ip::make_address(host, error);
    if (error) throw ListenError("cannot listen on " + where + ": '" + host + "' is not an IP address");
    tcp::acceptor acceptor(impl_->io);
    const tcp::endpoint endpoint(address, static_cast<unsigned short>(port));
    acceptor.open(endpoint.protocol(), error);
    // SO_REUSEADDR only (never SO_REUSEPORT): a restart can bind at once while old
    // connections linger, but a second server on a port in use fails instead of sharing it.
    if (!error) acceptor.set_option(tcp::acceptor::reuse_address(true), error);
    if (!error) acceptor.bind(endpoint, error);
    if (!error) acceptor.listen(asio::socket_base::max_listen_connections, error);
    if (error) {
        std::string why = error.message();
        if (error == asio::error::address_in_use) why = "the address is already in use (is another collector running?)";
        throw ListenError("cannot listen on " + where + ": " + why);
    }
    const int bound = acceptor.local_endpoint().port();
    impl_->acceptor.emplace(std::move(acceptor));
    return bound;
}

void HttpServer::run() {
    if (!impl_->acceptor) throw ListenError("HttpServer::run: listen() was not called");
    impl_->pool.emplace(std::max<std::size_t>(1, impl_->limits.handler_threads));
    impl_->accept();
    impl_->io.run();
    impl_->pool->join();
}

void HttpServer::stop() {
    asio::post(impl_->io, [impl = impl_.get()] {
        error_code ignored;
        if (impl->acceptor) impl->acceptor->close(ignored);
        impl->io.stop();
    });
}

}  // namespace selfcheck::collector::http
