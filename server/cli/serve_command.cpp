#include "server/api/http_api.h"
#include "server/catalog/form_catalog.h"
#include "server/cli/commands.h"
#include "server/cli/referral_retention.h"
#include "server/cli/report_content.h"
#include "server/cli/signal_watcher.h"
#include "server/dashboard/dashboard_routes.h"
#include "server/http/http_server.h"
#include "server/keys/key_files.h"
#include "server/reports/report_source.h"
#include "server/store/open_store.h"

#include <csignal>
#include <iostream>
#include <memory>
#include <vector>

namespace selfcheck::collector {
namespace {

// An IPv6 address needs brackets inside a URL.
std::string url_host(const std::string& host) { return host.find(':') == std::string::npos ? host : "[" + host + "]"; }

}  // namespace

int run_serve(const Options& options) {
    // A kiosk that hangs up mid-reply must not kill the collector with SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);

    KeyPair keys;
    std::unique_ptr<RecordStore> store;
    ReportContent content;
    try {
        keys = read_secret_key(options.secret_key_file);
        content = load_report_content(options);
        store = open_store(options.db, StoreOpenMode::CreateIfMissing);
        // Before listening: reports then never count every record, and uploads never wait on a rebuild.
        ensure_tallies(*store, content.forms.versions(), std::cerr);
    } catch (const std::exception& error) {
        std::cerr << "collector: " << error.what() << '\n';
        return kExitFailure;
    }
    const FormCatalog& forms = content.forms;
    std::cerr << "collector: accepting " << forms.describe() << "; storing in " << describe_db(options.db) << '\n';

    http::Router router = make_collector_router();
    HttpApiOptions api_options;
    api_options.max_body_bytes = options.max_body_bytes;
    api_options.content_bundle_file = options.bundle_file;
    add_http_api(router, HttpApiContext{*store, keys, forms, api_options});
    DashboardContext dashboard{*store, content.report_form, content.labels};
    dashboard.form_versions = content.forms.versions();
    dashboard.secure_cookies = options.secure_cookies;
    add_dashboard(router, dashboard);

    http::ServerLimits limits;
    limits.trusted_proxies = options.trusted_proxies;
    limits.max_connections = options.max_connections;
    limits.max_connections_per_client = options.max_connections_per_client;
    http::HttpServer server(router, limits);
    int port = 0;
    try {
        port = server.listen(options.host, options.port);
    } catch (const http::ListenError& error) {
        std::cerr << "collector: " << error.what() << '\n';
        return kExitFailure;
    }

    // Created before run() starts the worker threads, which inherit its mask.
    const SignalWatcher watcher([&](int) { server.stop(); });
    // After the watcher: its sweep thread must inherit the blocked signal mask too.
    const ReferralRetention retention(*store, options.referral_retention_days);

    // Scripts wait for exactly this line, so it is flushed at once.
    std::cout << "collector listening on http://" << url_host(options.host) << ':' << port << std::endl;
    server.run();
    return kExitOk;
}

}  // namespace selfcheck::collector
