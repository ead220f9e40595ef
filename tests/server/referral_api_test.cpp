// POST /api/v1/referrals against the built collector on loopback (docs/protocol.md,
// "Referrals"): requests are filed sealed, once, only for an organisation that has a
// referral_key in the collector's directory; every fault is a clear refusal that stores
// nothing, so the kiosk keeps its request.
#include "protocol/crypto/base64.h"
#include "protocol/referral/referral.h"
#include "server/keys/key_files.h"
#include "server/store/sqlite_record_store.h"
#include "tests/server/live_collector.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

using namespace selfcheck;
using nlohmann::json;

namespace {

// The test content: a copy of the shipped content in which one organisation (only here, never
// in content/) has a referral key made by `collector referral keygen`.
constexpr const char* kOrg = "bethune_house";
constexpr const char* kPhone = "+85291234567";

struct ReferralSetup : live::Setup {
    std::string content = (dir.path() / "content").string();
    KeyPair org_keys;

    ReferralSetup() {
        const std::string keys_dir = (dir.path() / "org").string();
        const auto made = live::run(live::shell_quote(live::collector_binary()) + " referral keygen --org " + kOrg +
                                    " --out " + live::shell_quote(keys_dir));
        INFO(made.output);
        REQUIRE(made.status == 0);
        org_keys = collector::read_secret_key(keys_dir + "/" + collector::referral_secret_key_file(kOrg));
        write_content(key_to_base64(org_keys.public_key));
    }

    // The shipped content with `key` as kOrg's referral_key; empty: no key (revoked).
    void write_content(const std::string& key) const {
        std::filesystem::remove_all(content);
        std::filesystem::copy(SELFCHECK_SOURCE_DIR "/content", content);
        std::string directory = live::read_file(content + "/directory.yaml");
        const std::string entry = std::string("  - id: ") + kOrg + "\n";
        const auto at = directory.find(entry);
        REQUIRE(at != std::string::npos);
        if (!key.empty()) directory.insert(at + entry.size(), "    referral_key: \"" + key + "\"\n");
        std::ofstream(content + "/directory.yaml", std::ios::trunc) << directory;
    }

    std::int64_t referrals() const { return collector::SqliteRecordStore(db).referral_count(); }
};

Referral sample_referral() {
    Referral r;
    r.organisation = kOrg;
    r.phone = kPhone;
    r.contact_language = "fil";
    r.window = {{"sun"}, 9, 12};
    return r;
}

std::string one_referral(const std::string& id, const std::string& organisation, const PublicKey& key) {
    return referral_batch_to_json({{id, organisation, to_base64(seal_referral(sample_referral(), key))}});
}

std::string send(const live::Serving& serving, const std::string& body, const std::string& token) {
    return live::http_exchange(serving.port(), live::post("/api/v1/referrals", "application/json", body,
                                                          "Authorization: Bearer " + token + "\r\n"));
}

std::string file_bytes(const std::string& path) {
    return std::filesystem::exists(path) ? live::read_file(path) : std::string();
}

}  // namespace

TEST_CASE("a referral is filed sealed, once, and its number is nowhere in the database") {
    ReferralSetup setup;
    live::Serving serving(setup, {"--content", setup.content});
    const std::string id = random_referral_id();
    const std::string body = one_referral(id, kOrg, setup.org_keys.public_key);

    const std::string first = send(serving, body, setup.token);
    INFO(first);
    REQUIRE(live::status_of(first) == 200);
    CHECK(json::parse(live::body_of(first))["results"] == json::parse(R"([{"id":")" + id + R"(","status":"stored"}])"));
    const std::string again = send(serving, body, setup.token);
    CHECK(json::parse(live::body_of(again))["results"][0]["status"] == "duplicate");
    CHECK(setup.referrals() == 1);
    CHECK(collector::SqliteRecordStore(setup.db).count() == 0);  // no record came of it

    const auto kept = collector::SqliteRecordStore(setup.db).referrals_of(kOrg);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].state == "new");
    CHECK(kept[0].sealed.size() == kReferralSealedBytes);
    CHECK(open_referral(kept[0].sealed, setup.org_keys) == sample_referral());
    for (const std::string& file : {setup.db, setup.db + "-wal"}) {
        INFO(file);
        CHECK(file_bytes(file).find("91234567") == std::string::npos);
    }
}

TEST_CASE("junk, a wrong token or a malformed batch is refused and nothing is filed") {
    ReferralSetup setup;
    live::Serving serving(setup, {"--content", setup.content});
    const std::string good = one_referral(random_referral_id(), kOrg, setup.org_keys.public_key);

    const std::string junk = send(serving, "\x01\x02 not json", setup.token);
    CHECK(live::status_of(junk) == 400);
    CHECK(live::body_of(junk).find("body: not valid JSON") != std::string::npos);
    const std::string no_id = send(serving, R"({"referrals":[{"organisation":"bethune_house"}]})", setup.token);
    CHECK(live::status_of(no_id) == 400);
    CHECK(live::body_of(no_id).find("referrals[0].id") != std::string::npos);
    const std::string wrong_token = send(serving, good, std::string(43, 'A'));
    CHECK(live::status_of(wrong_token) == 401);
    const std::string as_text = live::http_exchange(
        serving.port(),
        live::post("/api/v1/referrals", "text/plain", good, "Authorization: Bearer " + setup.token + "\r\n"));
    CHECK(live::status_of(as_text) == 415);
    CHECK(setup.referrals() == 0);
}

TEST_CASE("a box that is not a sealed referral is rejected with its reason, the rest stored") {
    ReferralSetup setup;
    live::Serving serving(setup, {"--content", setup.content});
    const SealedReferral good{random_referral_id(), kOrg,
                              to_base64(seal_referral(sample_referral(), setup.org_keys.public_key))};
    const SealedReferral short_box{random_referral_id(), kOrg, to_base64("a record, not a referral")};
    const std::string answer = send(serving, referral_batch_to_json({good, short_box}), setup.token);
    INFO(answer);
    REQUIRE(live::status_of(answer) == 200);
    const json results = json::parse(live::body_of(answer))["results"];
    CHECK(results[0]["status"] == "stored");
    CHECK(results[1]["status"] == "rejected");
    CHECK(results[1]["reason"] == "referrals[1].sealed: expected 2096 sealed bytes, got 24");
    CHECK(setup.referrals() == 1);
}

TEST_CASE("an organisation without a key, or whose key was removed, is refused by name") {
    ReferralSetup setup;
    {
        live::Serving serving(setup, {"--content", setup.content});
        const std::string answer = send(
            serving, one_referral(random_referral_id(), "police_emergency", setup.org_keys.public_key), setup.token);
        const json result = json::parse(live::body_of(answer))["results"][0];
        CHECK(result["status"] == "rejected");
        CHECK(result["reason"] ==
              "organisation 'police_emergency' takes no referrals here (no referral_key in the collector's directory)");
    }
    setup.write_content("");  // the organisation's key removed from the directory: revoked
    live::Serving serving(setup, {"--content", setup.content});
    const std::string answer =
        send(serving, one_referral(random_referral_id(), kOrg, setup.org_keys.public_key), setup.token);
    REQUIRE(live::status_of(answer) == 200);
    const json result = json::parse(live::body_of(answer))["results"][0];
    CHECK(result["status"] == "rejected");
    CHECK(result["reason"].get<std::string>().find("organisation 'bethune_house' takes no referrals here") == 0);
    CHECK(setup.referrals() == 0);
}
