#include "server/dashboard/dashboard_routes.h"

#include "protocol/content/content.h"
#include "protocol/time/dates.h"
#include "server/dashboard/html.h"
#include "server/dashboard/login_throttle.h"
#include "server/dashboard/password.h"
#include "server/dashboard/report_page.h"
#include "server/devices/device_token.h"
#include "server/reports/report_builder.h"
#include "server/reports/report_csv.h"
#include "server/reports/report_json.h"
#include "server/reports/report_params.h"
#include "server/store/record_store.h"

#include <httplib.h>
#include <sodium.h>

#include <ctime>
#include <iostream>

namespace selfcheck::collector {
namespace {

constexpr const char* kSessionCookie = "collector_session";
constexpr const char* kLoginCookie = "collector_login";
constexpr const char* kTitle = "Self-check collector";

struct Shared {
    explicit Shared(const DashboardContext& given) : context(given) {}
    DashboardContext context;
    LoginThrottle throttle;
};

std::string cookie_value(const httplib::Request& request, const std::string& name) {
    const std::string header = request.get_header_value("Cookie");
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
std::string cookie(const Shared& shared, const httplib::Request& request, const std::string& name,
                   const std::string& value, const std::string& path, long max_age) {
    const bool secure = shared.context.secure_cookies || request.get_header_value("X-Forwarded-Proto") == "https";
    return name + "=" + value + "; Path=" + path + "; Max-Age=" + std::to_string(max_age) +
           "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
}

bool same_secret(const std::string& a, const std::string& b) {
    return !a.empty() && a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

void no_store(httplib::Response& response) {
    response.set_header("Cache-Control", "no-store");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "no-referrer");
}

void send_html(httplib::Response& response, int status, const PageFrame& frame, const std::string& body) {
    no_store(response);
    response.set_header("Content-Security-Policy", kDashboardCsp);
    response.set_header("X-Frame-Options", "DENY");
    response.status = status;
    response.set_content(html_page(frame, body), "text/html; charset=utf-8");
}

void send_json(httplib::Response& response, int status, const nlohmann::json& body) {
    no_store(response);
    response.status = status;
    response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void redirect(httplib::Response& response, const std::string& to) {
    no_store(response);
    response.status = 303;
    response.set_header("Location", to);
    response.set_content("See " + to + "\n", "text/plain; charset=utf-8");
}

std::optional<DashboardSession> session_of(const Shared& shared, const httplib::Request& request) {
    const std::string value = cookie_value(request, kSessionCookie);
    if (value.empty() || value.size() > 100) return std::nullopt;
    return shared.context.store.find_session(hash_device_token(value), utc_timestamp_now());
}

// ---- login and logout

void show_login(Shared& shared, const httplib::Request& request, httplib::Response& response, int status,
                const std::string& message) {
    const std::string token = new_device_token();
    response.set_header("Set-Cookie", cookie(shared, request, kLoginCookie, token, "/login", 3600));
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

void post_login(Shared& shared, const httplib::Request& request, httplib::Response& response) {
    if (!same_secret(cookie_value(request, kLoginCookie), request.get_param_value("csrf"))) {
        return show_login(shared, request, response, 403,
                          "The login form had expired or did not come from this site. Try again.");
    }
    const std::string user = request.get_param_value("user");
    const std::string password = request.get_param_value("password");
    const auto now = LoginThrottle::Clock::now();
    const std::string address_key = "address:" + request.remote_addr;
    const std::string user_key = "user:" + user;
    const auto wait = std::max(shared.throttle.wait_for(address_key, now), shared.throttle.wait_for(user_key, now));
    if (wait.count() > 0) {
        response.set_header("Retry-After", std::to_string(wait.count()));
        return show_login(
            shared, request, response, 429,
            "Too many failed logins. Try again in " + std::to_string((wait.count() + 59) / 60) + " minutes.");
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
    if (!good) {
        shared.throttle.failed(address_key, now);
        shared.throttle.failed(user_key, now);
        return show_login(shared, request, response, 401, "Wrong user name or password.");
    }
    shared.throttle.succeeded(user_key);
    shared.context.store.delete_expired_sessions(utc_timestamp_now());
    const std::string value = new_device_token();
    const auto lifetime = shared.context.session_lifetime;
    shared.context.store.add_session(DashboardSession{hash_device_token(value), found->name, new_device_token(),
                                                      utc_timestamp(std::chrono::system_clock::now() + lifetime)});
    response.set_header("Set-Cookie",
                        cookie(shared, request, kSessionCookie, value, "/", static_cast<long>(lifetime.count())));
    response.headers.emplace("Set-Cookie", cookie(shared, request, kLoginCookie, "", "/login", 0));
    redirect(response, "/dashboard");
}

void post_logout(Shared& shared, const httplib::Request& request, httplib::Response& response) {
    const std::optional<DashboardSession> session = session_of(shared, request);
    if (!session) return redirect(response, "/login");
    if (!same_secret(session->csrf_token, request.get_param_value("csrf"))) {
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
    return build_report(*shared.context.form, shared.context.labels,
                        shared.context.store.records_in_range(request.filter), request);
}

void get_dashboard(Shared& shared, const httplib::Request& request, httplib::Response& response) {
    const std::optional<DashboardSession> session = session_of(shared, request);
    if (!session) return redirect(response, "/login");
    const PageFrame frame{kTitle, session->user_name, session->csrf_token};
    httplib::Params params = request.params;
    if (params.empty()) {  // the last 30 days, in Hong Kong dates as records carry them
        const std::string today = hong_kong_today();
        params.emplace("from", *add_days(today, -29));
        params.emplace("to", today);
    }
    const ReportParamsResult parsed = parse_report_params(params, shared.context.min_k);
    if (!parsed.request) {
        RecordFilter echo{request.get_param_value("from"), request.get_param_value("to"),
                          request.get_param_value("site")};
        return send_html(response, 400, frame, filter_form(echo, shared.context.min_k, parsed.error));
    }
    const Report report = make_report(shared, *parsed.request);
    send_html(response, 200, frame, report_page_body(report, shared.context.store.list_devices()));
}

// The API and CSV routes answer 401 rather than redirect: they are fetched, not browsed.
std::optional<ReportRequest> report_request(Shared& shared, const httplib::Request& request,
                                            httplib::Response& response) {
    if (!session_of(shared, request)) {
        send_json(response, 401,
                  {{"error", "log in to the dashboard first (/login); device tokens are not accepted here"}});
        return std::nullopt;
    }
    const ReportParamsResult parsed = parse_report_params(request.params, shared.context.min_k);
    if (!parsed.request) send_json(response, 400, {{"error", parsed.error}});
    return parsed.request;
}

void get_report_json(Shared& shared, const httplib::Request& request, httplib::Response& response) {
    if (const auto report = report_request(shared, request, response)) {
        send_json(response, 200, report_to_json(make_report(shared, *report)));
    }
}

void get_report_csv(Shared& shared, const httplib::Request& request, httplib::Response& response) {
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
void guarded(httplib::Response& response, Route route) {
    try {
        route();
    } catch (const StorageError& error) {
        std::cerr << "collector: dashboard: store unavailable: " << error.what() << '\n';
        response.headers.clear();
        send_json(response, 503, {{"error", "the collector's store is busy or unavailable; try again later"}});
    }
}

}  // namespace

void install_dashboard(httplib::Server& server, const DashboardContext& context) {
    const auto shared = std::make_shared<Shared>(context);
    server.Get("/", [](const httplib::Request&, httplib::Response& response) { redirect(response, "/dashboard"); });
    server.Get("/login", [shared](const httplib::Request& request, httplib::Response& response) {
        show_login(*shared, request, response, 200, "");
    });
    server.Post("/login", [shared](const httplib::Request& request, httplib::Response& response) {
        guarded(response, [&] { post_login(*shared, request, response); });
    });
    server.Post("/logout", [shared](const httplib::Request& request, httplib::Response& response) {
        guarded(response, [&] { post_logout(*shared, request, response); });
    });
    server.Get("/dashboard", [shared](const httplib::Request& request, httplib::Response& response) {
        guarded(response, [&] { get_dashboard(*shared, request, response); });
    });
    server.Get("/api/v1/reports", [shared](const httplib::Request& request, httplib::Response& response) {
        guarded(response, [&] { get_report_json(*shared, request, response); });
    });
    server.Get("/reports.csv", [shared](const httplib::Request& request, httplib::Response& response) {
        guarded(response, [&] { get_report_csv(*shared, request, response); });
    });
}

}  // namespace selfcheck::collector
