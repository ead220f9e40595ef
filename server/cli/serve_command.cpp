#include "protocol/content/content_messages.h"
#include "protocol/time/dates.h"
#include "server/api/http_api.h"
#include "server/catalog/form_catalog.h"
#include "server/cli/commands.h"
#include "server/cli/signal_watcher.h"
#include "server/dashboard/dashboard_routes.h"
#include "server/keys/key_files.h"
#include "server/store/open_store.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>
#include <thread>
#include <vector>

namespace selfcheck::collector {
namespace {

// Binds to options.port, or to a free port when it is 0. Returns the port, or -1.
int bind_port(httplib::Server& server, const Options& options) {
    if (options.port == 0) return server.bind_to_any_port(options.host);
    return server.bind_to_port(options.host, options.port) ? options.port : -1;
}

// An IPv6 address needs brackets inside a URL.
std::string url_host(const std::string& host) { return host.find(':') == std::string::npos ? host : "[" + host + "]"; }

// httplib ignores stop() until listen_after_bind() has marked the server running, so a
// signal that lands during start-up waits for that moment instead of being lost.
void stop_once_running(httplib::Server& server, const std::atomic<bool>& listen_returned) {
    while (!server.is_running() && !listen_returned) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    server.stop();
}

}  // namespace

int run_serve(const Options& options) {
    // A kiosk that hangs up mid-reply must not kill the collector with SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);

    std::vector<std::filesystem::path> content_dirs(options.content_dirs.begin(), options.content_dirs.end());
    if (content_dirs.empty()) content_dirs.emplace_back(SELFCHECK_DEFAULT_CONTENT_DIR);
    const std::filesystem::path locales_dir =
        std::filesystem::path(options.locales_dir.empty() ? SELFCHECK_DEFAULT_LOCALES_DIR : options.locales_dir);

    KeyPair keys;
    std::unique_ptr<RecordStore> store;
    FormCatalog forms;
    std::shared_ptr<const Content> report_form;
    ReportLabels report_labels;
    try {
        keys = read_secret_key(options.secret_key_file);
        auto messages = std::make_shared<Messages>(locales_dir);
        forms = FormCatalog::load(content_dirs, *messages);
        report_form = forms.newest();
        messages->set_shared_args(content_args(*report_form, hong_kong_today()));
        report_labels = ReportLabels(messages);
        store = open_store(options.db, StoreOpenMode::CreateIfMissing);
    } catch (const std::exception& error) {
        std::cerr << "collector: " << error.what() << '\n';
        return kExitFailure;
    }
    std::cerr << "collector: accepting " << forms.describe() << "; storing in " << describe_db(options.db) << '\n';

    httplib::Server server;
    HttpApiOptions api_options;
    api_options.max_body_bytes = options.max_body_bytes;
    install_http_api(server, HttpApiContext{*store, keys, forms, api_options});
    install_dashboard(server, DashboardContext{*store, report_form, report_labels});

    const int port = bind_port(server, options);
    if (port < 0) {
        std::cerr << "collector: cannot listen on " << url_host(options.host) << ':' << options.port << '\n';
        return kExitFailure;
    }

    // Created before listen_after_bind() starts the worker threads, which inherit its mask.
    std::atomic<bool> listen_returned{false};
    const SignalWatcher watcher([&](int) { stop_once_running(server, listen_returned); });

    // Scripts wait for exactly this line, so it is flushed at once.
    std::cout << "collector listening on http://" << url_host(options.host) << ':' << port << std::endl;
    const bool served = server.listen_after_bind();
    listen_returned = true;
    return served ? kExitOk : kExitFailure;
}

}  // namespace selfcheck::collector
