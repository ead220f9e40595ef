// Issue #14 against the real binary on loopback: bounded memory on every route and encoding,
// the port held by one collector, strict records, multipart refused, login limits that
// survive a restart and cannot be raced or used to lock others out, a login token the
// collector signs. COLLECTOR_UNDER_TEST=path runs them against another build.

#include "tests/server/live_collector.h"
#include "tests/server/sealed_batches.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <zlib.h>

#include <atomic>
#include <thread>

using namespace live;
using nlohmann::json;

namespace {

constexpr long kMaxGrowthKib = 32 * 1024;

const std::vector<std::string> kRoutes = {"/api/v1/batches", "/api/v1/checkin", "/login", "/logout", "/no-such-path"};

std::string content_type_for(const std::string& route) {
    return route.rfind("/api/", 0) == 0 ? "application/json" : "application/x-www-form-urlencoded";
}

std::string head(const Setup& setup, const std::string& route, const std::string& framing) {
    return "POST " + route + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + setup.token +
           "\r\nContent-Type: " + content_type_for(route) + "\r\n" + framing + "\r\n";
}

// Streams `total` bytes of a chunked body (or until the collector answers); the answer.
std::string chunked_upload(int port, const Setup& setup, const std::string& route, std::size_t total) {
    Connection connection(port);
    REQUIRE(connection.connected());
    std::string chunk(64 * 1024, '[');
    char size_line[32];
    std::snprintf(size_line, sizeof size_line, "%zx\r\n", chunk.size());
    const std::string framed = size_line + chunk + "\r\n";
    if (connection.send(head(setup, route, "Transfer-Encoding: chunked\r\n"))) {
        for (std::size_t sent = 0; sent < total; sent += chunk.size()) {
            if (!connection.send(framed)) break;
        }
        connection.send("0\r\n\r\n");
    }
    return connection.read_all();
}

// 1 GiB of zeros, gzip-compressed (about 1 MB).
const std::string& gzip_bomb() {
    static const std::string bomb = [] {
        z_stream stream{};
        REQUIRE(deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) == Z_OK);
        std::string out;
        std::vector<unsigned char> zeros(1 << 20, 0);
        std::vector<unsigned char> buffer(1 << 16);
        for (int mib = 0; mib < 1024; ++mib) {
            stream.next_in = zeros.data();
            stream.avail_in = static_cast<uInt>(zeros.size());
            const int flush = mib == 1023 ? Z_FINISH : Z_NO_FLUSH;
            do {
                stream.next_out = buffer.data();
                stream.avail_out = static_cast<uInt>(buffer.size());
                deflate(&stream, flush);
                out.append(reinterpret_cast<char*>(buffer.data()), buffer.size() - stream.avail_out);
            } while (stream.avail_out == 0);
        }
        deflateEnd(&stream);
        return out;
    }();
    return bomb;
}

struct LoginForm {
    std::string cookie;  // "collector_login=..."
    std::string token;
};

LoginForm login_form(int port, const std::string& forwarded_for = "") {
    const std::string answer =
        http_exchange(port, "GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                                (forwarded_for.empty() ? "" : "X-Forwarded-For: " + forwarded_for + "\r\n") + "\r\n");
    const std::size_t at = answer.find("Set-Cookie: collector_login=");
    REQUIRE(at != std::string::npos);
    const std::size_t start = at + 12;
    LoginForm form;
    form.cookie = answer.substr(start, answer.find(';', start) - start);
    form.token = form.cookie.substr(form.cookie.find('=') + 1);
    return form;
}

std::string url_encode(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
            out += static_cast<char>(c);
        } else {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            out += escaped;
        }
    }
    return out;
}

int log_in_with(int port, const LoginForm& form, const std::string& user, const std::string& password,
                const std::string& forwarded_for = "") {
    const std::string body = "user=" + url_encode(user) + "&password=" + url_encode(password) + "&csrf=" + form.token;
    return status_of(
        http_exchange(port, post("/login", "application/x-www-form-urlencoded", body,
                                 "Cookie: " + form.cookie + "\r\n" +
                                     (forwarded_for.empty() ? "" : "X-Forwarded-For: " + forwarded_for + "\r\n"))));
}

int log_in(int port, const std::string& user, const std::string& password, const std::string& forwarded_for = "") {
    return log_in_with(port, login_form(port, forwarded_for), user, password, forwarded_for);
}

std::string post_batch_body(int port, const Setup& setup, const std::string& body) {
    return http_exchange(
        port, post("/api/v1/batches", "application/json", body, "Authorization: Bearer " + setup.token + "\r\n"));
}

}  // namespace

TEST_CASE("oversized, endless and compressed bodies on every route keep memory bounded and store nothing") {
    Setup setup;
    Serving serving(setup);
    const long baseline = serving.rss_kib();
    for (const std::string& route : kRoutes) {
        INFO("route " << route);
        SECTION("100 MB chunked " + route) {
            const int status = status_of(chunked_upload(serving.port(), setup, route, 100u << 20));
            CHECK((status == 413 || status == 415));
        }
        SECTION("1 GiB gzip bomb " + route) {
            const std::string& bomb = gzip_bomb();
            Connection connection(serving.port());
            connection.send(head(setup, route,
                                 "Content-Encoding: gzip\r\nContent-Length: " + std::to_string(bomb.size()) + "\r\n") +
                            bomb);
            const int status = status_of(connection.read_all());
            CHECK((status == 413 || status == 415));
        }
        SECTION("four concurrent 250 MB chunked uploads " + route) {
            std::vector<int> statuses(4, 0);
            std::vector<std::thread> uploads;
            for (int i = 0; i < 4; ++i) {
                uploads.emplace_back(
                    [&, i] { statuses[i] = status_of(chunked_upload(serving.port(), setup, route, 250u << 20)); });
            }
            for (std::thread& upload : uploads) upload.join();
            for (int status : statuses) CHECK((status == 413 || status == 415));
        }
        const long growth = serving.peak_kib() - baseline;
        INFO("peak RSS grew by " << growth << " KiB over " << baseline << " KiB");
        CHECK(growth <= kMaxGrowthKib);
    }
    CHECK(setup.records() == "0\n");
}

TEST_CASE("a multipart body is 415 before any token is looked at") {
    Setup setup;
    Serving serving(setup);
    for (const std::string route : {"/api/v1/batches", "/api/v1/checkin"}) {
        const std::string answer =
            http_exchange(serving.port(), post(route, "multipart/form-data; boundary=x", "--x\r\n\r\n{}\r\n--x--\r\n"));
        INFO(answer);
        CHECK(status_of(answer) == 415);
    }
}

TEST_CASE("a second serve on a port in use exits with a clear message") {
    Setup setup;
    Serving first(setup);
    const auto second =
        run(shell_quote(collector_binary()) + " serve --db " + shell_quote(setup.db + ".second") + " --secret-key " +
            shell_quote(setup.keys + "/ngo_secret.key") + " --port " + std::to_string(first.port()));
    INFO(second.output);
    CHECK(second.status == 1);
    CHECK_THAT(second.output, Catch::Contains("already in use"));
}

TEST_CASE("a NUL byte anywhere in a batch is 400 and nothing is stored") {
    Setup setup;
    Serving serving(setup);
    const std::string good = batch_of({sample_record_json()}, setup.public_key).dump();
    const std::string with_nul = good + std::string(1, '\0') + "trailing";
    const std::string answer = post_batch_body(serving.port(), setup, with_nul);
    INFO(answer);
    CHECK(status_of(answer) == 400);
    CHECK(setup.records() == "0\n");
}

TEST_CASE("records dated outside the form's life, answering hidden questions or prefer_not are rejected") {
    Setup setup;
    Serving serving(setup);
    json far_future = sample_with("completed_on", "9999-12-31");
    far_future["record_id"] = record_id_for(1);
    json long_ago = sample_with("completed_on", "0001-01-01");
    long_ago["record_id"] = record_id_for(2);
    json prefer_not = sample_with_answer("passport_holder", "prefer_not");
    prefer_not["record_id"] = record_id_for(3);
    // loan_from_agency is only asked when has_loan is yes.
    json hidden = sample_with_answer("has_loan", "no");
    hidden["answers"]["loan_from_agency"] = "yes";
    hidden["indicators"] = json::array();
    hidden["result_level"] = "no_concerns";
    hidden["record_id"] = record_id_for(4);
    const std::string answer = post_batch_body(
        serving.port(), setup, batch_of({far_future, long_ago, prefer_not, hidden}, setup.public_key).dump());
    INFO(answer);
    REQUIRE(status_of(answer) == 200);
    const json results = json::parse(body_of(answer)).at("results");
    REQUIRE(results.size() == 4);
    for (const json& result : results) CHECK(result.at("status") == "rejected");
    CHECK_THAT(results[0].value("reason", ""), Catch::Contains("completed_on"));
    CHECK_THAT(results[1].value("reason", ""), Catch::Contains("completed_on"));
    CHECK(setup.records() == "0\n");
}

TEST_CASE("failed logins with made-up names lock nobody else out") {
    Setup setup;
    Serving serving(setup);
    for (int i = 0; i < 6; ++i) CHECK(log_in(serving.port(), "nobody" + std::to_string(i), "wrong password") == 401);
    CHECK(log_in(serving.port(), "analyst", "correct horse battery") == 303);
}

TEST_CASE("behind a trusted proxy the forwarded client is limited, not everyone behind the proxy") {
    Setup setup;
    Serving serving(setup, {"--trusted-proxy", "127.0.0.1"});
    for (int i = 0; i < 5; ++i)
        CHECK(log_in(serving.port(), "analyst", "guess " + std::to_string(i), "198.51.100.66") == 401);
    CHECK(log_in(serving.port(), "analyst", "guess 6", "198.51.100.66") == 429);
    CHECK(log_in(serving.port(), "analyst", "correct horse battery", "198.51.100.7") == 303);
}

TEST_CASE("40 parallel guesses get no more password checks than the limit, and a restart keeps the count") {
    Setup setup;
    {
        Serving serving(setup);
        std::atomic<int> checked{0}, refused{0};
        std::vector<LoginForm> forms;
        for (int i = 0; i < 40; ++i) forms.push_back(login_form(serving.port()));
        std::vector<std::thread> guesses;
        for (int i = 0; i < 40; ++i) {
            guesses.emplace_back([&, i] {
                // Refused means 429, or 503 from the per-client connection cap: no password check.
                const int status = log_in_with(serving.port(), forms[i], "analyst", "guess " + std::to_string(i));
                (status == 401 ? checked : refused)++;
            });
        }
        for (std::thread& guess : guesses) guess.join();
        CHECK(checked <= 5);
        CHECK(checked + refused == 40);
    }
    Serving restarted(setup);
    CHECK(log_in(restarted.port(), "analyst", "correct horse battery") == 429);
}

TEST_CASE("a login token and cookie someone made up are refused") {
    Setup setup;
    Serving serving(setup);
    const std::string body = "user=analyst&password=correct+horse+battery&csrf=made-up-token";
    const std::string answer = http_exchange(serving.port(), post("/login", "application/x-www-form-urlencoded", body,
                                                                  "Cookie: collector_login=made-up-token\r\n"));
    CHECK(status_of(answer) == 403);
    CHECK(log_in(serving.port(), "analyst", "correct horse battery") == 303);
}

TEST_CASE("a stalled body is 408, never 400, and nothing is stored") {
    Setup setup;
    Serving serving(setup);
    Connection connection(serving.port());
    const std::string body = batch_of({sample_record_json()}, setup.public_key).dump();
    connection.send("POST /api/v1/batches HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + setup.token +
                    "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                    "\r\n\r\n" + body.substr(0, body.size() / 2));
    // The body stall timeout is 30 s.
    const std::string answer = connection.read_all(45s);
    INFO(answer);
    CHECK(status_of(answer) == 408);
    CHECK(setup.records() == "0\n");
}

TEST_CASE("healthz says the store can take a write") {
    Setup setup;
    Serving serving(setup);
    const std::string answer =
        http_exchange(serving.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    CHECK(status_of(answer) == 200);
    CHECK(json::parse(body_of(answer)) == json{{"status", "ok"}});
}

TEST_CASE("healthz is 503 while the store cannot take a write, and a batch then is 503 and kept by the kiosk") {
    Setup setup;
    Serving serving(setup);
    // Another process holds SQLite's write lock: every write waits out the busy timeout, then fails.
    sqlite3* holder = nullptr;
    REQUIRE(sqlite3_open(setup.db.c_str(), &holder) == SQLITE_OK);
    REQUIRE(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);

    Connection probe(serving.port());
    probe.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const std::string locked = probe.read_all(20s);
    INFO(locked);
    CHECK(status_of(locked) == 503);
    CHECK_THAT(locked, Catch::Contains("Retry-After:"));
    CHECK(json::parse(body_of(locked)).at("status") == "cannot_store");

    Connection upload(serving.port());
    upload.send(post("/api/v1/batches", "application/json", batch_of({sample_record_json()}, setup.public_key).dump(),
                     "Authorization: Bearer " + setup.token + "\r\n"));
    const std::string refused = upload.read_all(20s);
    INFO(refused);
    CHECK(status_of(refused) == 503);

    REQUIRE(sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(holder);
    const std::string again =
        http_exchange(serving.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    CHECK(status_of(again) == 200);
    CHECK(setup.records() == "0\n");
}
