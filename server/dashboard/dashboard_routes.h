#pragma once
// The analysts' side of the collector, behind a dashboard login (never a device token):
//   GET  /login, POST /login        user name + password; sets the session cookie
//   POST /logout                    ends the session
//   GET  /dashboard?from&to&site&k  report tables, bar charts, the device list and any content
//                                   past its review date (HTML)
//   GET  /api/v1/reports?from=YYYY-MM-DD&to=YYYY-MM-DD[&site=S][&k=N]   the report as JSON
//   GET  /reports.csv?...           the report as CSV (report_csv.h)
// Sessions: a random 32-byte cookie value (HttpOnly, SameSite=Strict, Secure with
// --secure-cookies or when a TLS proxy says https), kept server-side only as a hash, with an
// expiry. Every POST carries a synchronizer token: the session's CSRF token, or for the
// login form a token the collector signed (login_csrf.h) that must also match its login
// cookie. Failed logins are limited per account and per client, in the store
// (login_throttle.h). Bad report parameters: 400 naming one.

#include "protocol/time/dates.h"
#include "server/http/router.h"
#include "server/reports/report.h"
#include "server/reports/report_labels.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace selfcheck {
struct Content;
}

namespace selfcheck::collector {

class RecordStore;

struct DashboardContext {
    RecordStore& store;
    std::shared_ptr<const selfcheck::Content> form;  // what reports read questions and scoring from
    ReportLabels labels;
    // Set when a TLS-terminating proxy fronts the collector: cookies get the Secure flag.
    bool secure_cookies = false;
    std::int64_t min_k = kDefaultMinCell;
    std::chrono::seconds session_lifetime = std::chrono::hours(8);
    // Every version of form's form, oldest first (FormCatalog::versions()): reports judge each
    // record by its own version. Empty: form alone.
    std::vector<std::shared_ptr<const selfcheck::Content>> form_versions{};
    // Today in Hong Kong (YYYY-MM-DD), for the content review dates; tests set another day.
    std::function<std::string()> today = hong_kong_today;
};

// Adds the routes above to a router from make_collector_router() (server/api/http_api.h).
void add_dashboard(http::Router& router, const DashboardContext& context);

}  // namespace selfcheck::collector
