// Collector ingest rate, printed not asserted: sealed records per second through the real
// HTTP API (open the seal, decode, check against the form, store), for SQLite and for
// PostgreSQL (a throwaway server on loopback, as the pg tests use); each without report
// tallies and with them (kept in the same transaction as the records).
//   build/bench/collector_ingest_bench [RECORDS] [KIOSKS] [BATCH]     defaults 20000 8 100
// SQLite runs with synchronous=FULL as in production; the throwaway PostgreSQL runs with
// fsync off, so its figure is an upper bound for the collector's own work.

#include "server/api/http_api.h"
#include "server/catalog/form_catalog.h"
#include "server/devices/device_token.h"
#include "server/http/http_server.h"
#include "server/reports/report_source.h"
#include "server/store/open_store.h"
#include "tests/server/postgres_cluster.h"  // tests/server
#include "tests/server/sample_records.h"    // tests/server
#include "tests/server/sealed_batches.h"    // tests/server
#include "tests/server/shipped_catalog.h"
#include "tests/support/temp_dir.h"  // tests/support

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

using namespace selfcheck;

namespace {

struct Settings {
    int records = 20000;
    int kiosks = 8;
    int batch = 100;
};

// Returns records/s for one store, or a negative number if some record was not stored.
// `tallied`: the store keeps report tallies as `collector serve` has it do; otherwise none,
// as before tallies (the first batch marks them stale, later ones find them so).
double run(const std::string& db, const Settings& settings, const collector::FormCatalog& forms, bool tallied) {
    const KeyPair keys = generate_key_pair();
    const auto store = collector::open_store(db, collector::StoreOpenMode::CreateIfMissing);
    if (tallied) collector::ensure_tallies(*store, forms.newest(), std::cerr);
    std::vector<std::string> tokens;
    for (int k = 0; k < settings.kiosks; ++k) {
        tokens.push_back(collector::new_device_token());
        store->add_device({collector::new_device_id(), kSampleSite, "2026-11-22T09:00:00Z", ""},
                          collector::hash_device_token(tokens.back()));
    }
    // Sealed before the clock starts: the kiosks did that long ago.
    const int per_kiosk = settings.records / settings.kiosks;
    std::vector<std::vector<std::string>> batches(settings.kiosks);
    for (int k = 0; k < settings.kiosks; ++k) {
        for (int start = 0; start < per_kiosk; start += settings.batch) {
            std::vector<nlohmann::json> records;
            for (int i = start; i < std::min(per_kiosk, start + settings.batch); ++i) {
                records.push_back(sample_record_json(record_id_for(k * 10000000 + i)));
            }
            batches[k].push_back(batch_of(records, keys.public_key).dump());
        }
    }

    collector::http::Router router = collector::make_collector_router();
    collector::add_http_api(router, collector::HttpApiContext{*store, keys, forms, {}});
    collector::http::HttpServer server(router, {});
    const int port = server.listen("127.0.0.1", 0);
    std::thread serving([&] { server.run(); });

    std::atomic<long> stored{0};
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::thread> kiosks;
    for (int k = 0; k < settings.kiosks; ++k) {
        kiosks.emplace_back([&, k] {
            httplib::Client client("127.0.0.1", port);
            client.set_bearer_token_auth(tokens[k]);
            client.set_read_timeout(std::chrono::seconds(60));
            for (const std::string& batch : batches[k]) {
                const httplib::Result result = client.Post("/api/v1/batches", batch, "application/json");
                if (!result || result->status != 200) continue;
                const nlohmann::json answer = nlohmann::json::parse(result->body);
                for (const auto& r : answer["results"]) stored += r["status"] == "stored" ? 1 : 0;
            }
        });
    }
    for (std::thread& kiosk : kiosks) kiosk.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    server.stop();
    serving.join();
    const long expected = static_cast<long>(per_kiosk) * settings.kiosks;
    return stored == expected && store->count() == expected ? expected / seconds : -1;
}

}  // namespace

int main(int argc, char** argv) {
    Settings settings;
    if (argc > 1) settings.records = std::atoi(argv[1]);
    if (argc > 2) settings.kiosks = std::atoi(argv[2]);
    if (argc > 3) settings.batch = std::atoi(argv[3]);
    if (settings.records < 1 || settings.kiosks < 1 || settings.batch < 1 || settings.batch > 100) {
        std::fprintf(stderr, "usage: collector_ingest_bench [RECORDS] [KIOSKS] [BATCH 1-100]\n");
        return 2;
    }
    const collector::FormCatalog forms = shipped_catalog();
    std::printf("collector ingest: %d sealed records, %d kiosks at once, %d per batch, HTTP on loopback\n",
                settings.records, settings.kiosks, settings.batch);

    selfcheck::testing::TempDir dir;
    selfcheck::testing::PostgresCluster postgres;
    bool all_stored = true;
    for (const bool tallied : {false, true}) {
        const char* how = tallied ? "with report tallies" : "without tallies    ";
        const double sqlite_rate =
            run((dir.path() / (tallied ? "tallied.db" : "records.db")).string(), settings, forms, tallied);
        std::printf("  sqlite (WAL, synchronous=FULL),      %s: %8.0f records/s\n", how, sqlite_rate);
        const double pg_rate = run(postgres.create_database(), settings, forms, tallied);
        std::printf("  postgresql 15 (loopback, fsync off), %s: %8.0f records/s\n", how, pg_rate);
        all_stored = all_stored && sqlite_rate > 0 && pg_rate > 0;
    }
    return all_stored ? 0 : 1;
}
