// Key files, device tokens and the kiosk.yaml they end up in (sealing itself: tests/protocol).

#include "protocol/crypto/base64.h"
#include "protocol/crypto/sealing.h"
#include "server/devices/device_token.h"
#include "server/devices/kiosk_yaml.h"
#include "server/keys/key_files.h"
#include "tests/support/temp_dir.h"  // tests/support

#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <fstream>
#include <string>

using namespace selfcheck;

using namespace selfcheck::collector;

TEST_CASE("keygen writes a usable pair, the secret key 0600, and never overwrites") {
    selfcheck::testing::TempDir dir;
    const KeyPair written = write_new_key_pair(dir.path() / "keys");
    struct stat info {};
    REQUIRE(::stat((dir.path() / "keys" / kSecretKeyFile).c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);

    const KeyPair read = read_secret_key(dir.path() / "keys" / kSecretKeyFile);
    CHECK(read.secret_key == written.secret_key);
    CHECK(read.public_key == written.public_key);  // derived from the secret key
    CHECK(read_public_key_text(dir.path() / "keys" / kPublicKeyFile) == key_to_base64(written.public_key));

    CHECK_THROWS_WITH(write_new_key_pair(dir.path() / "keys"), Catch::Contains("already exists"));
    CHECK(read_secret_key(dir.path() / "keys" / kSecretKeyFile).secret_key == written.secret_key);
}

TEST_CASE("bad key files are refused, naming the file") {
    selfcheck::testing::TempDir dir;
    const auto missing = dir.path() / "missing.key";
    CHECK_THROWS_WITH(read_public_key_text(missing), Catch::Contains(missing.string()));
    const auto junk = dir.write("junk.key", "not base64!\n");
    CHECK_THROWS_WITH(read_public_key_text(junk), Catch::Contains("junk.key") && Catch::Contains("not valid base64"));
    const auto short_key = dir.write("short.key", "AAAA\n");
    CHECK_THROWS_WITH(read_public_key_text(short_key), Catch::Contains("expected 32 bytes, got 3"));

    write_new_key_pair(dir.path() / "keys");
    const auto secret = dir.path() / "keys" / kSecretKeyFile;
    ::chmod(secret.c_str(), 0644);
    CHECK_THROWS_WITH(read_secret_key(secret), Catch::Contains("chmod 600"));
}

TEST_CASE("device tokens are 43 characters of base64url and only their hash is kept") {
    const std::string token = new_device_token();
    CHECK(token.size() == 43);
    CHECK(from_base64(token, "token", Base64Variant::UrlNoPadding).size() == 32);
    CHECK(token != new_device_token());
    const std::string hash = hash_device_token(token);
    CHECK(hash.size() == 64);
    CHECK(hash == hash_device_token(token));
    CHECK(hash.find(token) == std::string::npos);
    CHECK(new_device_id().size() == 12);
}

TEST_CASE("kiosk.yaml carries the protocol's keys and leaves the kiosk's defaults to the kiosk") {
    const std::string yaml = kiosk_yaml({"wan-chai-centre", "https://collector.example.org", std::string(43, 'A'),
                                         "NmS1u69Ed5GPXHuHtGoT34SHSQw9apE1SgmvoDlzOSc="});
    for (const char* line : {"site: wan-chai-centre\n", "collector_url: https://collector.example.org\n",
                             "ngo_public_key: \"NmS1u69Ed5GPXHuHtGoT34SHSQw9apE1SgmvoDlzOSc=\"\n"})
        CHECK_THAT(yaml, Catch::Contains(line));
    CHECK_THAT(yaml, Catch::Contains("device_token: \"" + std::string(43, 'A') + "\"\n"));
    CHECK_THAT(yaml, Catch::Contains("staff_pin_hash: \"\""));
    // No default is written twice: a language list or an idle time here would go stale.
    for (const char* key : {"\nidle_timeout_seconds:", "\nlanguages:", "\nlocked:", "\ntitle:"})
        CHECK_THAT(yaml, !Catch::Contains(key));
}
