// The bundle GET /api/v1/content serves, kept in memory between requests
// (server/api/published_bundle.h).

#include "server/api/published_bundle.h"

#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sys/stat.h>

#include <fstream>

using namespace selfcheck::collector;
using selfcheck::testing::TempDir;

namespace {

void write_file(const std::filesystem::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

// A new file renamed over the old one, as `collector content publish --out` does.
void publish(const std::filesystem::path& file, const std::string& bytes) {
    const auto next = file.string() + ".next";
    write_file(next, bytes);
    std::filesystem::rename(next, file);
}

// The file's modification time set back to what it was: an edit a stat cannot see.
void keep_mtime(const std::filesystem::path& file, const struct stat& before) {
    const struct timespec times[2] = {before.st_atim, before.st_mtim};
    REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);
}

}  // namespace

TEST_CASE("nothing published: an empty bundle, with no ETag") {
    TempDir dir;
    PublishedBundle none(dir.path() / "bundle.sccb");
    CHECK(none.current()->bytes.empty());
    CHECK(none.current()->etag.empty());
    PublishedBundle unset("");
    CHECK(unset.current()->bytes.empty());
}

TEST_CASE("a publication is served at once, and a removed bundle is no longer served") {
    TempDir dir;
    const auto file = dir.path() / "bundle.sccb";
    PublishedBundle bundle(file);
    publish(file, "version one");
    const auto first = bundle.current();
    CHECK(first->bytes == "version one");
    CHECK(first->etag.size() == 18);  // a quoted 16-digit hash
    CHECK(first->etag.front() == '"');

    publish(file, "version two, longer");
    const auto second = bundle.current();
    CHECK(second->bytes == "version two, longer");
    CHECK(second->etag != first->etag);
    CHECK(first->bytes == "version one");  // a reply in flight keeps what it was given

    publish(file, "version one");  // the same bytes again: the same ETag
    CHECK(bundle.current()->etag == first->etag);

    std::filesystem::remove(file);
    CHECK(bundle.current()->bytes.empty());
}

TEST_CASE("an unchanged file is not read again, a change of size or time is") {
    TempDir dir;
    const auto file = dir.path() / "bundle.sccb";
    write_file(file, "AAAA");
    PublishedBundle bundle(file);
    const auto first = bundle.current();
    REQUIRE(first->bytes == "AAAA");
    CHECK(bundle.current() == first);  // the same snapshot: no read, no hash

    // Rewritten in place with the same size and its old time: the stat sees nothing new, so
    // the bytes in memory are what is served (publish renames, which this does not).
    struct stat before {};
    REQUIRE(::stat(file.c_str(), &before) == 0);
    write_file(file, "BBBB");
    keep_mtime(file, before);
    CHECK(bundle.current()->bytes == "AAAA");

    write_file(file, "BBBBB");  // another size
    keep_mtime(file, before);
    CHECK(bundle.current()->bytes == "BBBBB");

    REQUIRE(::stat(file.c_str(), &before) == 0);
    write_file(file, "CCCCC");  // the same size, a later time
    struct timespec later[2] = {before.st_atim, before.st_mtim};
    later[1].tv_sec += 1;
    REQUIRE(::utimensat(AT_FDCWD, file.c_str(), later, 0) == 0);
    CHECK(bundle.current()->bytes == "CCCCC");
}
