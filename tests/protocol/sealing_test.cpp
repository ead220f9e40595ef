// Sealing to the NGO key (protocol/crypto/sealing.h): only the secret key opens a record, and a
// sealed record's length says nothing about its language or path through the form.
#include "protocol/crypto/sealing.h"

#include "protocol/crypto/base64.h"
#include "protocol/record/record_rules.h"
#include "tests/support/random_session.h"

#include <catch2/catch.hpp>
#include <sodium.h>

#include <functional>
#include <random>
#include <set>
#include <string>

using namespace selfcheck;

namespace {

const Content& shipped() {
    static const Content content = load_content(SELFCHECK_SOURCE_DIR "/content");
    return content;
}

using Chooser = std::function<AnswerValue(const Question&)>;

// Answers the form in order as `choose` says, asking only what the skip logic asks.
Answers walk(const Form& form, const Chooser& choose) {
    Answers answers;
    for (size_t i = 0; i < form.questions.size(); ++i)
        if (asked_questions(form, answers)[i]) answers[form.questions[i].id] = choose(form.questions[i]);
    return answers;
}

bool offers(const Question& q, const std::string& code) {
    return std::any_of(q.options.begin(), q.options.end(), [&](const AnswerOption& o) { return o.code == code; });
}

// The shortest record: every question declined where it can be, which opens nothing.
AnswerValue declining(const Question& q) {
    if (offers(q, kPreferNotToSay) || q.type == QuestionType::Number) return std::string(kPreferNotToSay);
    return q.options.front().code;
}

// The longest: every gate opened ("yes"), the longest code, the widest number.
AnswerValue widest(const Question& q) {
    if (q.type == QuestionType::Number) return q.number.max;
    if (offers(q, "yes")) return std::string("yes");
    std::string code;
    for (const AnswerOption& o : q.options)
        if (o.code != kPreferNotToSay && o.code.size() > code.size()) code = o.code;
    return code;
}

}  // namespace

TEST_CASE("a sealed record opens only with the matching key pair") {
    const KeyPair ngo = generate_key_pair();
    const KeyPair other = generate_key_pair();
    const std::string sealed = seal_padded("{\"schema\":1}", 64, ngo.public_key);
    CHECK(sealed.size() == 64 + kSealOverhead);
    CHECK(open_sealed(sealed, ngo) == "{\"schema\":1}");
    CHECK_THROWS_WITH(open_sealed(sealed, other), Catch::Contains("cannot be opened with this collector's key"));
    std::string altered = sealed;
    altered[40] ^= 1;
    CHECK_THROWS_AS(open_sealed(altered, ngo), CryptoError);
    CHECK_THROWS_WITH(open_sealed("short", ngo), Catch::Contains("too short"));
    CHECK(seal_padded("x", 8, ngo.public_key) != seal_padded("x", 8, ngo.public_key));  // ephemeral sender keys
}

TEST_CASE("padding fills the seal to its size and comes off when it is opened") {
    const KeyPair ngo = generate_key_pair();
    CHECK_THROWS_WITH(seal_padded(std::string(64, 'x'), 64, ngo.public_key), Catch::Contains("does not fit"));
    const std::string record = "{\"schema\":1}";
    for (size_t size : {record.size() + 1, size_t(100), size_t(4096)}) {
        const std::string sealed = seal_padded(record, size, ngo.public_key);
        CHECK(sealed.size() == size + kSealOverhead);
        CHECK(open_sealed(sealed, ngo) == record);
    }
    // Sealed bytes that end neither in '}' (a record from before padding) nor in the padding
    // mark and zeros are not a record.
    const std::string unpadded = "abc";
    std::string sealed(unpadded.size() + kSealOverhead, '\0');
    REQUIRE(crypto_box_seal(reinterpret_cast<unsigned char*>(sealed.data()),
                            reinterpret_cast<const unsigned char*>(unpadded.data()), unpadded.size(),
                            ngo.public_key.data()) == 0);
    CHECK_THROWS_WITH(open_sealed(sealed, ngo), Catch::Contains("padding after the record is broken"));
    // A record sealed before padding was introduced still opens.
    const std::string old_record = "{\"schema\":1}";
    std::string old_sealed(old_record.size() + kSealOverhead, '\0');
    REQUIRE(crypto_box_seal(reinterpret_cast<unsigned char*>(old_sealed.data()),
                            reinterpret_cast<const unsigned char*>(old_record.data()), old_record.size(),
                            ngo.public_key.data()) == 0);
    CHECK(open_sealed(old_sealed, ngo) == old_record);
}

TEST_CASE("every sealed record of a form version has one length, whatever the language or path") {
    const KeyPair ngo = generate_key_pair();
    const RecordSealer sealer(shipped(), ngo.public_key);
    std::set<size_t> lengths;
    std::set<size_t> plaintext_lengths;
    for (const Language& language : shipped().form.languages) {
        for (const Chooser& choose : {Chooser(declining), Chooser(widest)}) {
            const Record record = build_record(shipped(), language.locale, walk(shipped().form, choose),
                                               std::string(64, 's'), "2026-12-01");
            plaintext_lengths.insert(record_to_json(record).size());
            const std::string sealed = sealer.seal(record);
            lengths.insert(sealed.size());
            CHECK(record_from_json(open_sealed(sealed, ngo)) == record);
        }
    }
    std::mt19937 random(5);
    for (int i = 0; i < 200; ++i)
        lengths.insert(sealer.seal(testing::complete_random_session(shipped(), random, "wan-chai-centre")).size());
    CHECK(plaintext_lengths.size() > 1);  // the records themselves do differ
    CHECK(lengths == std::set<size_t>{sealer.sealed_size()});
}

TEST_CASE("keys are parsed from base64 with a clear error") {
    const KeyPair ngo = generate_key_pair();
    CHECK(parse_public_key(key_to_base64(ngo.public_key)) == ngo.public_key);
    CHECK(public_key_of(ngo.secret_key) == ngo.public_key);
    CHECK_THROWS_WITH(parse_public_key("not base64!"), Catch::Contains("ngo_public_key: not valid base64"));
    CHECK_THROWS_WITH(parse_public_key(to_base64(std::string(64, 'k'))), Catch::Contains("expected 32 bytes, got 64"));
    CHECK_THROWS_WITH(parse_public_key(""), Catch::Contains("expected 32 bytes, got 0"));
    CHECK_THROWS_AS(parse_public_key(key_to_base64(ngo.public_key) + "="), CryptoError);
}

TEST_CASE("base64 is strict in both variants") {
    const std::string bytes("\x00\xff\xfe\x10 ab", 7);
    CHECK(to_base64(bytes) == "AP/+ECBhYg==");
    CHECK(from_base64(to_base64(bytes), "x") == bytes);
    CHECK(to_base64("\xff\xfe", Base64Variant::UrlNoPadding) == "__4");
    CHECK(from_base64("__4", "x", Base64Variant::UrlNoPadding) == "\xff\xfe");
    CHECK_THROWS_WITH(from_base64("AP_-ECBhYg==", "sealed"), Catch::StartsWith("sealed: not valid base64"));
    CHECK_THROWS_AS(from_base64("AP/+ECBhYg", "x"), CryptoError);  // padding is required
    CHECK_THROWS_AS(from_base64("//4=!", "x"), CryptoError);       // trailing junk
    CHECK(from_base64("", "x") == "");
}
