// A fifth language needs no C++: content/ and locales/ are copied, Vietnamese is added to the
// form and given every message, and a record made in it goes from the real kiosk binary to
// the real collector and into a report, labelled in its own script.
#include "protocol/content/content_messages.h"
#include "protocol/time/dates.h"
#include "server/catalog/form_catalog.h"
#include "server/reports/report_builder.h"
#include "server/store/open_store.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace selfcheck;
using namespace selfcheck::testing;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void replace_once(std::string& text, const std::string& find, const std::string& with) {
    const auto at = text.find(find);
    REQUIRE(at != std::string::npos);
    text.replace(at, find.size(), with);
}

// content/ and locales/ copied into `dir`, with "vi" added to the form and a vi.txt holding
// every message (the English words will do: what is tested is that nothing is hard-coded).
// Returns the compiled bundles' directory.
fs::path content_with_vietnamese(const fs::path& dir) {
    const fs::path source(SELFCHECK_SOURCE_DIR);
    fs::copy(source / "content", dir / "content", fs::copy_options::recursive);
    fs::copy(source / "locales", dir / "locales", fs::copy_options::recursive);
    std::string form = read(dir / "content" / "form.yaml");
    replace_once(form, "  - { locale: zh_Hant_HK, label: \"繁體中文\" }\n",
                 "  - { locale: zh_Hant_HK, label: \"繁體中文\" }\n  - { locale: vi, label: \"Tiếng Việt\" }\n");
    std::ofstream(dir / "content" / "form.yaml") << form;
    std::string messages = read(dir / "locales" / "en.txt");
    replace_once(messages, "\nen {", "\nvi {");
    std::ofstream(dir / "locales" / "vi.txt") << messages;

    const fs::path res = dir / "res";
    fs::create_directories(res);
    std::vector<std::string> genrb{SELFCHECK_GENRB, "-q", "-e", "UTF-8", "-d", res.string()};
    for (const auto& entry : fs::directory_iterator(dir / "locales"))
        if (entry.path().extension() == ".txt") genrb.push_back(entry.path().string());
    const RunResult compiled = run_program(genrb, 60s);
    INFO(compiled.output);
    REQUIRE(compiled.status == 0);
    return res;
}

}  // namespace

TEST_CASE("a fifth language goes kiosk to collector to report with no C++ change") {
    TempDir dir;
    const fs::path res = content_with_vietnamese(dir.path());
    const fs::path content = dir.path() / "content";
    const fs::path db = dir.path() / "collector.db";
    const fs::path keys = dir.path() / "keys";
    REQUIRE(run_program({COLLECTOR_BINARY, "keygen", "--out", keys.string()}, 10s).status == 0);
    ChildProcess collector({COLLECTOR_BINARY, "serve", "--db", db.string(), "--host", "127.0.0.1", "--port", "0",
                            "--secret-key", (keys / "ngo_secret.key").string(), "--content", content.string(),
                            "--locales", res.string()});
    const std::string line = collector.read_line(20s);
    REQUIRE(line.rfind("collector listening on http://127.0.0.1:", 0) == 0);
    const std::string url = line.substr(std::string("collector listening on ").size());
    const RunResult added =
        run_program({COLLECTOR_BINARY, "device", "add", "--db", db.string(), "--site", "sham-shui-po", "--public-key",
                     (keys / "ngo_public.key").string(), "--url", url},
                    10s);
    REQUIRE(added.status == 0);
    std::ofstream(dir.path() / "kiosk.yaml") << added.output;
    fs::create_directories(dir.path() / "kiosk-data");

    const RunResult kiosk = run_program(
        {KIOSK_BINARY, "--headless", "--size", "800x1280", "--language", "vi", "--content", content.string(),
         "--locales", res.string(), "--config", (dir.path() / "kiosk.yaml").string(), "--data-dir",
         (dir.path() / "kiosk-data").string(), "--walk", (dir.path() / "shots").string(), "--sync-wait", "30"},
        120s);
    INFO(kiosk.output);
    REQUIRE(kiosk.status == 0);
    CHECK_THAT(kiosk.output, Catch::Matchers::Contains("records sent to collector: 1"));
    CHECK(collector.stop(SIGTERM, 10s) == 0);

    // The report, built by the collector's own code from its store, counts her under her language.
    Messages messages(res);
    const collector::FormCatalog catalog = collector::FormCatalog::load({content}, messages);
    messages.set_shared_args(content_args(*catalog.newest(), hong_kong_today()));
    const auto store = collector::open_store(db.string(), collector::StoreOpenMode::MustExist);
    const auto records = store->records_in_range({"2000-01-01", "2999-12-31", ""});
    REQUIRE(records.size() == 1);
    CHECK(records.front().language == "vi");
    collector::ReportRequest request;
    request.filter = {"2000-01-01", "2999-12-31", ""};
    request.k = 1;  // one respondent: show every cell
    const collector::Report report =
        collector::build_report(*catalog.newest(), collector::ReportLabels(), records, request);
    CHECK(report.respondents.value == 1);
    bool counted = false;
    for (const auto& question : report.questions)
        for (const auto& breakdown : question.breakdowns)
            for (const auto& column : breakdown.columns)
                if (breakdown.by == "language" && column.group == "vi" && column.answered.value == 1) {
                    CHECK(column.group_label == "Tiếng Việt");
                    counted = true;
                }
    CHECK(counted);
}
