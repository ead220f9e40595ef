// The dashboard and report routes on a real loopback socket: login required (device
// tokens refused), CSRF enforced on every POST, cookies flagged, login rate limiting,
// bad report parameters named. Compiled twice: SQLite (label sync) and PostgreSQL (pg).

#include "protocol/content/review.h"
#include "protocol/crypto/sealing.h"
#include "protocol/record/checkin.h"
#include "protocol/time/dates.h"
#include "server/api/http_api.h"
#include "server/catalog/form_catalog.h"
#include "server/dashboard/dashboard_routes.h"
#include "server/dashboard/html.h"
#include "server/dashboard/password.h"
#include "server/devices/device_token.h"
#include "tests/server/report_fixtures.h"
#include "tests/server/running_router.h"
#include "tests/server/shipped_catalog.h"
#include "tests/server/store_backend.h"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <string>
#include <thread>

using namespace selfcheck;

using nlohmann::json;

namespace {

constexpr const char* kPassword = "correct horse battery";

const collector::FormCatalog& forms() {
    static const collector::FormCatalog catalog = shipped_catalog();
    return catalog;
}

// A collector with the device API and the dashboard, one user "analyst", one device, and
// 13 records (10 Indonesian "yes" in Chinese, 3 "no") in November 2026.
class RunningDashboard {
public:
    // `today`: the Hong Kong date the dashboard judges content review dates by; empty: the real one.
    explicit RunningDashboard(const std::string& today = "") : store_(database_.open()), keys_(generate_key_pair()) {
        store_->add_user(collector::DashboardUser{"analyst", collector::hash_password(kPassword),
                                                  "2026-11-01T00:00:00Z", collector::kAnalystRole, ""});
        store_->add_user(collector::DashboardUser{"caseworker", collector::hash_password(kPassword),
                                                  "2026-11-01T00:00:00Z", collector::kCaseworkerRole, "enrich"});
        device_token_ = collector::new_device_token();
        store_->add_device(collector::Device{collector::new_device_id(), "demo-site", "2026-11-01T00:00:00Z", ""},
                           collector::hash_device_token(device_token_));
        RecordMaker maker;
        maker.repeat(10, "zh_Hant_HK", {{"nationality", "indonesia"}, {"fear_consequences", "yes"}})
            .repeat(3, "id", {{"nationality", "indonesia"}, {"fear_consequences", "no"}});
        std::vector<collector::StoredRecord> stored;
        for (const Record& record : maker.records()) stored.push_back({record, "2026-11-22T10:00:00Z", ""});
        store_->insert_batch(stored);

        collector::add_http_api(server_.router(), collector::HttpApiContext{*store_, keys_, forms(), {}});
        collector::DashboardContext context{*store_, shipped_catalog().newest(), report_labels()};
        if (!today.empty()) context.today = [today] { return today; };
        collector::add_dashboard(server_.router(), context);
        server_.start();
        port_ = server_.port();
    }

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(30, 0);
        return c;
    }
    const std::string& device_token() const { return device_token_; }

private:
    TestDatabase database_;
    std::unique_ptr<collector::RecordStore> store_;
    KeyPair keys_;
    std::string device_token_;
    RunningRouter server_;
    int port_ = 0;
};

// "name=value" from a Set-Cookie header value.
std::string cookie_pair(const std::string& set_cookie) { return set_cookie.substr(0, set_cookie.find(';')); }

std::string set_cookie_named(const httplib::Result& result, const std::string& name) {
    for (const auto& [key, value] : result->headers) {
        if (key == "Set-Cookie" && value.rfind(name + "=", 0) == 0) return value;
    }
    return "";
}

struct LoginForm {
    std::string cookie;  // "collector_login=..."
    std::string csrf;
};

LoginForm open_login_form(httplib::Client& client) {
    const auto page = client.Get("/login");
    REQUIRE(page);
    REQUIRE(page->status == 200);
    const std::string set_cookie = set_cookie_named(page, "collector_login");
    REQUIRE_FALSE(set_cookie.empty());
    const std::string marker = "name=\"csrf\" value=\"";
    const std::size_t at = page->body.find(marker);
    REQUIRE(at != std::string::npos);
    const std::size_t start = at + marker.size();
    return {cookie_pair(set_cookie), page->body.substr(start, page->body.find('"', start) - start)};
}

httplib::Result post_login(httplib::Client& client, const LoginForm& form, const std::string& password,
                           const std::string& csrf) {
    httplib::Headers headers = {{"Cookie", form.cookie}};
    return client.Post("/login", headers, httplib::Params{{"user", "analyst"}, {"password", password}, {"csrf", csrf}});
}

// Logs in; returns the "collector_session=..." cookie.
std::string log_in(httplib::Client& client) {
    const LoginForm form = open_login_form(client);
    const auto result = post_login(client, form, kPassword, form.csrf);
    REQUIRE(result);
    REQUIRE(result->status == 303);
    CHECK(result->get_header_value("Location") == "/dashboard");
    return cookie_pair(set_cookie_named(result, "collector_session"));
}

std::string csrf_of_dashboard(httplib::Client& client, const std::string& session) {
    const auto page = client.Get("/dashboard?from=2026-11-01&to=2026-11-30", {{"Cookie", session}});
    REQUIRE(page);
    REQUIRE(page->status == 200);
    const std::string marker = "name=\"csrf\" value=\"";
    const std::size_t start = page->body.find(marker) + marker.size();
    return page->body.substr(start, page->body.find('"', start) - start);
}

}  // namespace

TEST_CASE("reports and the dashboard need a dashboard login; a device token is not one") {
    RunningDashboard dashboard;
    auto client = dashboard.client();
    const auto page = client.Get("/dashboard");
    REQUIRE(page);
    CHECK(page->status == 303);
    CHECK(page->get_header_value("Location") == "/login");
    const auto api = client.Get("/api/v1/reports?from=2026-11-01&to=2026-11-30");
    REQUIRE(api);
    CHECK(api->status == 401);
    const auto with_device = client.Get("/api/v1/reports?from=2026-11-01&to=2026-11-30",
                                        {{"Authorization", "Bearer " + dashboard.device_token()}});
    REQUIRE(with_device);
    CHECK(with_device->status == 401);
    const auto csv = client.Get("/reports.csv?from=2026-11-01&to=2026-11-30", {{"Cookie", "collector_session=forged"}});
    REQUIRE(csv);
    CHECK(csv->status == 401);
}

TEST_CASE("a login sets a strict HttpOnly session cookie, and the reports answer") {
    RunningDashboard dashboard;
    auto client = dashboard.client();
    const LoginForm form = open_login_form(client);
    const auto result = post_login(client, form, kPassword, form.csrf);
    REQUIRE(result);
    REQUIRE(result->status == 303);
    const std::string set_cookie = set_cookie_named(result, "collector_session");
    CHECK(set_cookie.find("; HttpOnly") != std::string::npos);
    CHECK(set_cookie.find("; SameSite=Strict") != std::string::npos);
    CHECK(set_cookie.find("; Secure") == std::string::npos);  // plain HTTP on loopback
    const std::string value = cookie_pair(set_cookie).substr(std::string("collector_session=").size());
    CHECK(value.size() == 43);  // 32 random bytes, base64url
    const std::string session = cookie_pair(set_cookie);

    const auto api = client.Get("/api/v1/reports?from=2026-11-01&to=2026-11-30&k=5", {{"Cookie", session}});
    REQUIRE(api);
    REQUIRE(api->status == 200);
    const json report = json::parse(api->body);
    CHECK(report["respondents"] == 13);
    CHECK(report["k"] == 5);

    const auto csv = client.Get("/reports.csv?from=2026-11-01&to=2026-11-30", {{"Cookie", session}});
    REQUIRE(csv);
    REQUIRE(csv->status == 200);
    CHECK(csv->body.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv->body.find("繁體中文") != std::string::npos);
    CHECK(csv->get_header_value("Content-Disposition").find("attachment") != std::string::npos);

    const auto page = client.Get("/dashboard?from=2026-11-01&to=2026-11-30", {{"Cookie", session}});
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("suppressed") != std::string::npos);
    CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'none'") != std::string::npos);

    // Behind a TLS proxy the cookie is Secure.
    const LoginForm again = open_login_form(client);
    httplib::Headers headers = {{"Cookie", again.cookie}, {"X-Forwarded-Proto", "https"}};
    const auto secure = client.Post(
        "/login", headers, httplib::Params{{"user", "analyst"}, {"password", kPassword}, {"csrf", again.csrf}});
    REQUIRE(secure);
    CHECK(set_cookie_named(secure, "collector_session").find("; Secure") != std::string::npos);
}

TEST_CASE("bad report parameters answer 400 naming the parameter") {
    RunningDashboard dashboard;
    auto client = dashboard.client();
    const std::string session = log_in(client);
    auto error_of = [&](const std::string& query) {
        const auto result = client.Get("/api/v1/reports?" + query, {{"Cookie", session}});
        REQUIRE(result);
        CHECK(result->status == 400);
        return json::parse(result->body)["error"].get<std::string>();
    };
    CHECK(error_of("to=2026-11-30").rfind("from:", 0) == 0);
    CHECK(error_of("from=2026-11-01&to=yesterday").rfind("to:", 0) == 0);
    CHECK(error_of("from=2026-11-01&to=2026-11-30&k=2").rfind("k:", 0) == 0);
    CHECK(error_of("from=2026-11-01&to=2026-11-30&site=%3Cscript%3E").rfind("site:", 0) == 0);
    CHECK(error_of("from=2026-11-01&to=2026-11-30&colour=red").rfind("colour:", 0) == 0);
    const auto csv = client.Get("/reports.csv?from=2026-11-31&to=2026-11-30", {{"Cookie", session}});
    REQUIRE(csv);
    CHECK(csv->status == 400);
    const auto page = client.Get("/dashboard?from=2026-11-01&to=2026-10-01", {{"Cookie", session}});
    REQUIRE(page);
    CHECK(page->status == 400);
    CHECK(page->body.find("to: must not be before from") != std::string::npos);
}

TEST_CASE("every POST needs its form token") {
    RunningDashboard dashboard;
    auto client = dashboard.client();
    const LoginForm form = open_login_form(client);
    const auto no_token = post_login(client, form, kPassword, "");
    REQUIRE(no_token);
    CHECK(no_token->status == 403);
    CHECK(set_cookie_named(no_token, "collector_session").empty());
    const auto wrong_token = post_login(client, form, kPassword, std::string(43, 'A'));
    REQUIRE(wrong_token);
    CHECK(wrong_token->status == 403);

    const std::string session = log_in(client);
    const auto forged = client.Post("/logout", {{"Cookie", session}}, httplib::Params{{"csrf", "forged"}});
    REQUIRE(forged);
    CHECK(forged->status == 403);
    const auto still = client.Get("/api/v1/reports?from=2026-11-01&to=2026-11-30", {{"Cookie", session}});
    REQUIRE(still);
    CHECK(still->status == 200);  // the forged logout did nothing

    const std::string csrf = csrf_of_dashboard(client, session);
    const auto logout = client.Post("/logout", {{"Cookie", session}}, httplib::Params{{"csrf", csrf}});
    REQUIRE(logout);
    CHECK(logout->status == 303);
    const auto after = client.Get("/api/v1/reports?from=2026-11-01&to=2026-11-30", {{"Cookie", session}});
    REQUIRE(after);
    CHECK(after->status == 401);
}

TEST_CASE("failed logins are rate limited, the right password included") {
    RunningDashboard dashboard;
    auto client = dashboard.client();
    for (int i = 0; i < 5; ++i) {
        const LoginForm form = open_login_form(client);
        const auto wrong = post_login(client, form, "wrong password " + std::to_string(i), form.csrf);
        REQUIRE(wrong);
        CHECK(wrong->status == 401);
    }
    const LoginForm form = open_login_form(client);
    const auto limited = post_login(client, form, kPassword, form.csrf);
    REQUIRE(limited);
    CHECK(limited->status == 429);
    CHECK(std::stoi(limited->get_header_value("Retry-After")) > 0);
    CHECK(set_cookie_named(limited, "collector_session").empty());
}

TEST_CASE("a device that checks in with records waiting for days and delivers nothing is listed as not delivering") {
    RunningDashboard dashboard;
    auto client = dashboard.client();
    const std::string session = log_in(client);

    // Every send of this kiosk fails: it checks in with the error, its queue and how old it is.
    selfcheck::CheckIn checkin;
    checkin.queue_size = 12;
    checkin.oldest_queued_on = *add_days(hong_kong_today(), -3);
    checkin.last_error = "network: timed out after 20 s";
    checkin.content_version = "hk-mdw-self-assessment/1";
    checkin.app_version = "0.2.0";
    const auto sent = client.Post("/api/v1/checkin", {{"Authorization", "Bearer " + dashboard.device_token()}},
                                  checkin_to_json(checkin), "application/json");
    REQUIRE(sent);
    REQUIRE(sent->status == 204);

    const auto page = client.Get("/dashboard?from=2026-11-01&to=2026-11-30", {{"Cookie", session}});
    REQUIRE(page);
    REQUIRE(page->status == 200);
    const std::string devices = page->body.substr(page->body.find("<section id=\"devices\">"));
    CHECK_THAT(devices, Catch::Contains("<tr class=\"not-delivering\"><td>demo-site</td>"));
    CHECK_THAT(devices, Catch::Contains("<strong>not delivering</strong>"));
    CHECK_THAT(devices, Catch::Contains("network: timed out after 20 s"));
    CHECK_THAT(devices, Catch::Contains(checkin.oldest_queued_on));
}

TEST_CASE("content past its review date is named at the top of the dashboard, and nothing is when none is") {
    const Content& content = *shipped_catalog().newest();
    const std::vector<ReviewItem> items = review_items(content);
    REQUIRE(items.size() > 10);  // every amount, rule and help entry has review dates
    {
        RunningDashboard dashboard("2099-12-31");  // every review date has passed
        auto client = dashboard.client();
        const std::string session = log_in(client);
        const auto page = client.Get("/dashboard?from=2026-11-01&to=2026-11-30", {{"Cookie", session}});
        REQUIRE(page);
        REQUIRE(page->status == 200);
        const std::size_t section = page->body.find("<section id=\"content-review\"");
        REQUIRE(section != std::string::npos);
        CHECK(section < page->body.find("<section id=\"summary\">"));  // before the figures
        CHECK_THAT(page->body, Catch::Contains("Content review overdue"));
        for (const ReviewItem& item : items)
            CHECK_THAT(page->body, Catch::Contains(collector::html_escape(describe(item))));
    }
    {
        RunningDashboard dashboard("2000-01-01");  // before any review date
        auto client = dashboard.client();
        const std::string session = log_in(client);
        const auto page = client.Get("/dashboard?from=2026-11-01&to=2026-11-30", {{"Cookie", session}});
        REQUIRE(page);
        REQUIRE(page->status == 200);
        CHECK(page->body.find("content-review") == std::string::npos);
    }
}

TEST_CASE("a caseworker's login never opens the reports") {
    RunningDashboard dashboard;
    auto client = dashboard.client();
    const LoginForm form = open_login_form(client);
    const auto result =
        client.Post("/login", {{"Cookie", form.cookie}},
                    httplib::Params{{"user", "caseworker"}, {"password", kPassword}, {"csrf", form.csrf}});
    REQUIRE(result);
    CHECK(result->status == 403);
    CHECK(result->body.find("sees call-back requests only") != std::string::npos);
    CHECK(set_cookie_named(result, "collector_session").empty());
}
