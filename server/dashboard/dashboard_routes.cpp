#include "server/dashboard/dashboard_routes.h"

#include "protocol/content/content.h"
#include "protocol/content/review.h"
#include "protocol/time/dates.h"
#include "server/dashboard/html.h"
#include "server/dashboard/login_csrf.h"
#include "server/dashboard/login_throttle.h"
#include "server/dashboard/password.h"
#include "server/dashboard/report_page.h"
#include "server/devices/device_token.h"
#include "server/reports/report_builder.h"
#include "server/reports/report_csv.h"
#include "server/reports/report_json.h"
#include "server/reports/report_params.h"
#include "server/reports/report_source.h"
#include "server/store/record_store.h"

#include <sodium.h>

#include <iostream>

namespace selfcheck::collector {
namespace {

constexpr const char* kSessionCookie = "collector_session";
constexpr const char* kLoginCookie = "collector_login";
constexpr const char* kTitle = "Self-check collector";
// A login form is a user name, a password of at most kMaxPasswordLength and a token.
constexpr std::size_t kMaxFormBytes = 8 * 1024;

struct Shared {
    explicit Shared(const DashboardContext& given) : context(given), throttle(given.store), csrf(given.store) {}
    DashboardContext context;
    LoginThrottle throttle;
    LoginCsrf csrf;
};

std::string cookie_value(const http::Request& request, const std::string& name) {
    const std::string header = request.header("Cookie");
    std::size_t at = 0;
    while (at < header.size()) {
        std::size_t end = header.find(';', at);
        if (end == std::string::npos) end = header.size();
        std::size_t start = header.find_first_not_of(' ', at);
        if (start < end) {
            const std::string pair = header.substr(start, end - start);
            const std::size_t equals = pair.find('=');
            if (equals != std::string::npos && pair.substr(0, equals) == name) return pair.substr(equals + 1);
        }
        at = end + 1;
    }
    return "";
}

// Secure when configured, or when a TLS proxy says the browser came over https (a forged
// header can only add the flag, which breaks nobody's session but the forger's).
std::string cookie(const Shared& shared, const http::Request& request, const std::string& name,
                   const std::string& value, const std::string& path, long max_age) {
    const bool secure = shared.context.secure_cookies || request.header("X-Forwarded-Proto") == "https";
    return name + "=" + value + "; Path=" + path + "; Max-Age=" + std::to_string(max_age) +
           "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
}

bool same_secret(const std::string& a, const std::string& b) {
    return !a.empty() && a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

void no_store(http::Response& response) {
    response.set_header("Cache-Control", "no-store");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "no-referrer");
}

void send_html(http::Response& response, int status, const PageFrame& frame, const std::string& body) {
    no_store(response);
    response.set_header("Content-Security-Policy", kDashboardCsp);
    response.set_header("X-Frame-Options", "DENY");
    response.status = status;
    response.set_content(html_page(frame, body), "text/html; charset=utf-8");
}

void send_json(http::Response& response, int status, const nlohmann::json& body) {
    no_store(response);
    response.status = status;
    response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void redirect(http::Response& response, const std::string& to) {
    no_store(response);
    response.status = 303;
    response.set_header("Location", to);
    response.set_content("See " + to + "\n", "text/plain; charset=utf-8");
}

// The session of an analyst: every page here shows reports, which a caseworker (who sees only
// her organisation's call-back requests) may not.
std::optional<DashboardSession> session_of(const Shared& shared, const http::Request& request) {
    const std::string value = cookie_value(request, kSessionCookie);
    if (value.empty() || value.size() > 100) return std::nullopt;
    std::optional<DashboardSession> session =
        shared.context.store.find_session(hash_device_token(value), utc_timestamp_now());
    if (!session) return std::nullopt;
    const std::optional<DashboardUser> user = shared.context.store.find_user(session->user_name);
    if (!user || user->role != kAnalystRole) return std::nullopt;
    return session;
}

// ---- login and logout

void show_login(Shared& shared, const http::Request& request, http::Response& response, int status,
                const std::string& message) {
    const std::string token = shared.csrf.issue(std::chrono::system_clock::now());
    response.set_header("Set-Cookie", cookie(shared, request, kLoginCookie, token, "/login",
                                             static_cast<long>(LoginCsrf::kLifetime.count())));
    std::string body = "<section" + std::string(message.empty() ? "" : " class=\"error\"") + ">";
    if (!message.empty()) body += "<p id=\"error\">" + html_escape(message) + "</p>";
    body +=
        "<form method=\"post\" action=\"/login\" class=\"filters\">"
        "<input type=\"hidden\" name=\"csrf\" value=\"" +
        token +
        "\">"
        "<label>User <input name=\"user\" id=\"user\" autocomplete=\"username\" required></label>"
        "<label>Password <input type=\"password\" name=\"password\" id=\"password\" "
        "autocomplete=\"current-password\" required></label>"
        "<button type=\"submit\" id=\"login\">Log in</button></form></section>";
    send_html(response, status, PageFrame{kTitle, "", ""}, body);
}

// The form body of a POST, into `params`; false (with the reply written) when it is broken.
bool read_form(const http::Request& request, http::Params& params, http::Response& response) {
    params = request.params;
    std::string error;
    if (http::parse_query(request.body, params, error)) return true;
    send_json(response, 400, {{"error", "form: " + error}});
    return false;
}

void post_login(Shared& shared, const http::Request& request, http::Response& response) {
    http::Params form;
    if (!read_form(request, form, response)) return;
    const auto field = [&](const char* name) {
        const auto found = form.find(name);
        return found == form.end() ? std::string() : found->second;
    };
    const std::string token = field("csrf");
    if (!same_secret(cookie_value(request, kLoginCookie), token) ||
        !shared.csrf.verify(token, std::chrono::system_clock::now())) {
        return show_login(shared, request, response, 403,
                          "The login form had expired or did not come from this site. Try again.");
    }
    const std::string user = field("user");
    const std::string password = field("password");
    const LoginAttempt attempt = shared.throttle.begin(user, request.client_address, std::chrono::system_clock::now());
    if (attempt.wait.count() > 0) {
        response.set_header("Retry-After", std::to_string(attempt.wait.count()));
        return show_login(
            shared, request, response, 429,
            "Too many failed logins. Try again in " + std::to_string((attempt.wait.count() + 59) / 60) + " minutes.");
    }
    const std::optional<DashboardUser> found = user.size() <= 64 && password.size() <= kMaxPasswordLength
                                                   ? shared.context.store.find_user(user)
                                                   : std::nullopt;
    bool good = false;
    if (found) {
        good = verify_password(found->password_hash, password);
    } else {
        verify_nothing(password);
    }
    if (!good) return show_login(shared, request, response, 401, "Wrong user name or password.");
    shared.throttle.succeeded(attempt);
    if (found->role != kAnalystRole)
        return show_login(shared, request, response, 403,
                          "This login is a caseworker's: it sees call-back requests only, never the reports.");
    shared.context.store.delete_expired_sessions(utc_timestamp_now());
    const std::string value = new_device_token();
    const auto lifetime = shared.context.session_lifetime;
    shared.context.store.add_session(DashboardSession{hash_device_token(value), found->name, new_device_token(),
                                                      utc_timestamp(std::chrono::system_clock::now() + lifetime)});
    response.set_header("Set-Cookie",
                        cookie(shared, request, kSessionCookie, value, "/", static_cast<long>(lifetime.count())));
    response.add_header("Set-Cookie", cookie(shared, request, kLoginCookie, "", "/login", 0));
    redirect(response, "/dashboard");
}

void post_logout(Shared& shared, const http::Request& request, http::Response& response) {
    const std::optional<DashboardSession> session = session_of(shared, request);
    if (!session) return redirect(response, "/login");
    http::Params form;
    if (!read_form(request, form, response)) return;
    const auto csrf = form.find("csrf");
    if (csrf == form.end() || !same_secret(session->csrf_token, csrf->second)) {
        return send_html(
            response, 403, PageFrame{kTitle, "", ""},
            "<section class=\"error\"><p>csrf: missing or wrong form token; nothing was done.</p></section>");
    }
    shared.context.store.delete_session(session->token_hash);
    response.set_header("Set-Cookie", cookie(shared, request, kSessionCookie, "", "/", 0));
    redirect(response, "/login");
}

// ---- reports

Report make_report(const Shared& shared, const ReportRequest& request) {
    FormVersions versions;
    for (const auto& version : shared.context.form_versions) versions.push_back(version.get());
    if (versions.empty()) versions.push_back(shared.context.form.get());
    return report_from_store(shared.context.store, versions, shared.context.labels, request);
}

void get_dashboard(Shared& shared, const http::Request& request, http::Response& response) {
    const std::optional<DashboardSession> session = session_of(shared, request);
    if (!session) return redirect(response, "/login");
    const PageFrame frame{kTitle, session->user_name, session->csrf_token};
    http::Params params = request.params;
    if (params.empty()) {  // the last 30 days, as completed_on counts them: in Hong Kong
        const std::string today = shared.context.today();
        params.emplace("from", *add_days(today, -29));
        params.emplace("to", today);
    }
    const ReportParamsResult parsed = parse_report_params(params, shared.context.min_k);
    if (!parsed.request) {
        RecordFilter echo{request.param("from"), request.param("to"), request.param("site")};
        return send_html(response, 400, frame, filter_form(echo, shared.context.min_k, parsed.error));
    }
    const Report report = make_report(shared, *parsed.request);
    send_html(response, 200, frame,
              report_page_body(report, shared.context.store.list_devices(), std::chrono::system_clock::now(),
                               overdue_reviews(*shared.context.form, shared.context.today())));
}

// The API and CSV routes answer 401 rather than redirect: they are fetched, not browsed.
std::optional<ReportRequest> report_request(Shared& shared, const http::Request& request, http::Response& response) {
    if (!session_of(shared, request)) {
        send_json(response, 401,
                  {{"error", "log in to the dashboard first (/login); device tokens are not accepted here"}});
        return std::nullopt;
    }
    const ReportParamsResult parsed = parse_report_params(request.params, shared.context.min_k);
    if (!parsed.request) send_json(response, 400, {{"error", parsed.error}});
    return parsed.request;
}

void get_report_json(Shared& shared, const http::Request& request, http::Response& response) {
    if (const auto report = report_request(shared, request, response)) {
        send_json(response, 200, report_to_json(make_report(shared, *report)));
    }
}

void get_report_csv(Shared& shared, const http::Request& request, http::Response& response) {
    const auto parsed = report_request(shared, request, response);
    if (!parsed) return;
    no_store(response);
    std::string name = "report_" + parsed->filter.from + "_" + parsed->filter.to;
    if (!parsed->filter.site.empty()) name += "_" + parsed->filter.site;
    response.set_header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
    response.set_content(report_to_csv(make_report(shared, *parsed)), "text/csv; charset=utf-8");
}

// A store failure answers 503 and is logged; nothing half-done is shown.
template <typename Route>
void guarded(http::Response& response, Route route) {
    try {
        route();
    } catch (const StorageError& error) {
        std::cerr << "collector: dashboard: store unavailable: " << error.what() << '\n';
        response = http::Response{};
        send_json(response, 503, {{"error", "the collector's store is busy or unavailable; try again later"}});
    }
}

}  // namespace

void add_dashboard(http::Router& router, const DashboardContext& context) {
    const auto shared = std::make_shared<Shared>(context);
    const auto get = [&](const char* path, void (*page)(Shared&, const http::Request&, http::Response&)) {
        router.add({"GET",
                    path,
                    [shared, page](const http::Request& request, http::Response& response) {
                        guarded(response, [&] { page(*shared, request, response); });
                    },
                    0,
                    {}});
    };
    // The two forms: small bodies, URL-encoded only (a multipart or compressed body is 415).
    const auto post = [&](const char* path, void (*action)(Shared&, const http::Request&, http::Response&)) {
        router.add({"POST",
                    path,
                    [shared, action](const http::Request& request, http::Response& response) {
                        guarded(response, [&] { action(*shared, request, response); });
                    },
                    kMaxFormBytes,
                    {"application/x-www-form-urlencoded"}});
    };
    get("/", [](Shared&, const http::Request&, http::Response& response) { redirect(response, "/dashboard"); });
    get("/login", [](Shared& state, const http::Request& request, http::Response& response) {
        show_login(state, request, response, 200, "");
    });
    post("/login", post_login);
    post("/logout", post_logout);
    get("/dashboard", get_dashboard);
    get("/api/v1/reports", get_report_json);
    get("/reports.csv", get_report_csv);
}

}  // namespace selfcheck::collector
