// The content that ships must load and be complete in every language it offers.
#include "content_check.h"
#include "form_loader.h"
#include "messages.h"

#include <catch2/catch.hpp>

using namespace selfcheck;

TEST_CASE("the shipped form loads and every message exists in all four languages") {
    const Form form = load_form(std::filesystem::path(SELFCHECK_SOURCE_DIR) / "content/form.yaml");
    REQUIRE(form.languages.size() == 4);
    std::vector<std::string> locales;
    for (const auto& l : form.languages) locales.push_back(l.locale);
    CHECK(locales == std::vector<std::string>{"id", "fil", "en", "zh_Hant_HK"});

    const Messages messages(std::filesystem::path(SELFCHECK_BINARY_DIR) / "locales");
    const auto missing = find_missing_messages(form, messages);
    for (const auto& m : missing) UNSCOPED_INFO(m.locale << ": " << m.key);
    CHECK(missing.empty());
}

TEST_CASE("the shipped form includes the Task Force pilot's question on fear of leaving") {
    const Form form = load_form(std::filesystem::path(SELFCHECK_SOURCE_DIR) / "content/form.yaml");
    CHECK(form.find("fear_leaving") != nullptr);
}
