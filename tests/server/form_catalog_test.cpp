// The collector's catalogue of form versions: loaded and validated with the protocol's own
// loader, and each record checked against the version it names (the rules themselves are
// tested in tests/protocol).
#include "server/catalog/form_catalog.h"

#include "tests/server/sample_records.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>

using namespace selfcheck;
using collector::FormCatalog;
using nlohmann::json;

namespace {

const Messages& messages() {
    static const Messages bundles(SELFCHECK_BINARY_DIR "/locales");
    return bundles;
}

const FormCatalog& catalog() {
    static const FormCatalog forms = FormCatalog::load({SELFCHECK_SOURCE_DIR "/content"}, messages());
    return forms;
}

std::string check(const json& body) {
    try {
        catalog().check(record_from_json(body.dump()));
    } catch (const RecordError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("the catalogue holds the shipped form and checks records against it") {
    CHECK(catalog().describe() == "hk-mdw-self-assessment v1");
    CHECK(catalog().newest()->form.version == 1);
    CHECK(check(sample_record_json()) == "");
    CHECK(check(sample_with("indicators", json::array())) ==
          "indicators: do not follow from the answers under form 'hk-mdw-self-assessment' version 1");
}

TEST_CASE("an unknown form id or version is named") {
    CHECK(check(sample_with("form_version", 2)) ==
          "form_version: form 'hk-mdw-self-assessment' version 2 is not known to this collector");
    CHECK(check(sample_with("form_id", "other-form")) ==
          "form_version: form 'other-form' version 1 is not known to this collector");
}

TEST_CASE("a bad content directory, invalid content or a version given twice stops loading, naming it") {
    testing::TempDir dir;
    CHECK_THROWS_WITH(FormCatalog::load({dir.path()}, messages()), Catch::Contains(dir.path().string()));
    const std::string content = SELFCHECK_SOURCE_DIR "/content";
    CHECK_THROWS_WITH(FormCatalog::load({content, content}, messages()), Catch::Contains("is given twice"));
    // Content that loads but fails validation (a message no bundle has) is refused as the kiosk refuses it.
    const auto broken = dir.path() / "broken";
    std::filesystem::copy(content, broken, std::filesystem::copy_options::recursive);
    std::ifstream in(broken / "form.yaml");
    std::string form((std::istreambuf_iterator<char>(in)), {});
    const std::string key = "q.has_loan.text";
    form.replace(form.find(key), key.size(), "q.has_loan.nowhere");
    std::ofstream(broken / "form.yaml") << form;
    CHECK_THROWS_WITH(FormCatalog::load({broken}, messages()),
                      Catch::Contains("the content is not valid") && Catch::Contains("q.has_loan.nowhere"));
}
