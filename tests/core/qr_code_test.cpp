#include "kiosk/core/qr_code.h"

#include "protocol/content/contact_link.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

using namespace selfcheck;
using Catch::Matchers::Contains;
using selfcheck::testing::TempDir;

namespace {

// The modules row by row, so two codes can be compared in one CHECK.
std::vector<std::string> rows(const QrCode& code) {
    std::vector<std::string> out;
    for (int y = 0; y < code.size(); ++y) {
        std::string row;
        for (int x = 0; x < code.size(); ++x) row += code.dark(x, y) ? '#' : '.';
        out.push_back(row);
    }
    return out;
}

// A finder pattern with its top-left module at (left, top): dark 7x7 ring, light 5x5 ring,
// dark 3x3 centre.
bool finder_at(const QrCode& code, int left, int top) {
    for (int dy = 0; dy < 7; ++dy) {
        for (int dx = 0; dx < 7; ++dx) {
            const bool outer_ring = dx == 0 || dy == 0 || dx == 6 || dy == 6;
            const bool centre = dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4;
            if (code.dark(left + dx, top + dy) != (outer_ring || centre)) return false;
        }
    }
    return true;
}

bool has_zbarimg() { return std::system("command -v zbarimg >/dev/null 2>&1") == 0; }

// Renders the code as a binary PGM with a 4-module quiet zone, 6 px per module, decodes it with
// zbarimg and returns what it read (without zbarimg's trailing newline).
std::string decode_with_zbarimg(const QrCode& code, const TempDir& dir) {
    const int quiet = 4;
    const int scale = 6;
    const int pixels = (code.size() + 2 * quiet) * scale;
    std::string image = "P5\n" + std::to_string(pixels) + " " + std::to_string(pixels) + "\n255\n";
    for (int py = 0; py < pixels; ++py) {
        for (int px = 0; px < pixels; ++px) {
            const int x = px / scale - quiet;
            const int y = py / scale - quiet;
            const bool inside = x >= 0 && y >= 0 && x < code.size() && y < code.size();
            image += static_cast<char>(inside && code.dark(x, y) ? 0 : 255);
        }
    }
    const auto file = dir.write("code.pgm", image);
    // Only QR codes, no D-Bus (absent on a kiosk or in CI), stderr kept for the failure message.
    const auto errors = dir.path() / "zbarimg.err";
    const std::string command =
        "zbarimg --nodbus --raw -q -Sdisable -Sqrcode.enable '" + file.string() + "' 2>'" + errors.string() + "'";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
    const int status = pclose(pipe);
    std::ifstream error_file(errors);
    const std::string error_text((std::istreambuf_iterator<char>(error_file)), std::istreambuf_iterator<char>());
    INFO("zbarimg exit status " << status << " for " << file << ": " << error_text);
    CHECK(status == 0);
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

}  // namespace

TEST_CASE("tel links keep the + and drop the spaces") {
    CHECK(tel_link("+852 2157 9537") == "tel:+85221579537");
    CHECK(tel_link("+852 5981 3754") == "tel:+85259813754");
    CHECK(tel_link("+85221579537") == "tel:+85221579537");
    CHECK(tel_link("999") == "tel:999");  // emergency: a short local number stays local
    CHECK(tel_link("  2157  9537 ") == "tel:21579537");
    CHECK(tel_link(" +852 2157 9537") == "tel:+85221579537");
}

TEST_CASE("tel links reject what is not a phone number, naming it") {
    for (const std::string bad : {"", "   ", "+", "++852 2157 9537", "852+1", "+852 2157-9537", "call 999",
                                  "+852 2157 953O", "+852\t21579537", "\xef\xbc\x99\xef\xbc\x99\xef\xbc\x99"}) {
        INFO("input: \"" << bad << "\"");
        CHECK_THROWS_AS(tel_link(bad), std::invalid_argument);
        CHECK_THROWS_WITH(tel_link(bad), Contains("\"" + bad + "\""));
    }
}

TEST_CASE("WhatsApp links are the full international number, digits only") {
    CHECK(whatsapp_link("+852 5981 3754") == "https://wa.me/85259813754");
    CHECK(whatsapp_link("+852 5648 0990") == "https://wa.me/85256480990");
    CHECK(whatsapp_link("+85259813754") == "https://wa.me/85259813754");
}

TEST_CASE("WhatsApp links need a country code") {
    CHECK_THROWS_AS(whatsapp_link("5981 3754"), std::invalid_argument);
    CHECK_THROWS_WITH(whatsapp_link("5981 3754"), Contains("\"5981 3754\"") && Contains("+<country code>"));
    CHECK_THROWS_WITH(whatsapp_link("999"), Contains("country code"));
    for (const std::string bad : {"", "+", "++852 5981 3754", "+852 5981 375a", "wa.me/85259813754"}) {
        INFO("input: \"" << bad << "\"");
        CHECK_THROWS_WITH(whatsapp_link(bad), Contains("\"" + bad + "\""));
    }
}

TEST_CASE("a short tel link gives a small QR code of a valid size") {
    const QrCode code = QrCode::encode(tel_link("999"));
    CHECK(code.size() == 21);  // version 1
    const QrCode longer = QrCode::encode(whatsapp_link("+852 5981 3754"));
    CHECK(longer.size() >= 21);
    CHECK(longer.size() <= 177);
    CHECK((longer.size() - 21) % 4 == 0);
}

TEST_CASE("QR codes have the three finder patterns and timing patterns") {
    for (const std::string& text : {std::string("tel:999"), tel_link("+852 2157 9537"), std::string(300, 'x')}) {
        const QrCode code = QrCode::encode(text);
        const int n = code.size();
        INFO("text of " << text.size() << " bytes, size " << n);
        CHECK(finder_at(code, 0, 0));
        CHECK(finder_at(code, n - 7, 0));
        CHECK(finder_at(code, 0, n - 7));
        CHECK_FALSE(finder_at(code, n - 7, n - 7));
        // A light separator around each finder, then timing patterns alternating between them.
        for (int i = 0; i < 8; ++i) {
            CHECK_FALSE(code.dark(7, i));
            CHECK_FALSE(code.dark(i, 7));
            CHECK_FALSE(code.dark(n - 8, i));
            CHECK_FALSE(code.dark(i, n - 8));
        }
        for (int i = 8; i < n - 8; ++i) {
            CHECK(code.dark(i, 6) == (i % 2 == 0));
            CHECK(code.dark(6, i) == (i % 2 == 0));
        }
    }
}

TEST_CASE("QR codes are deterministic and differ for different texts") {
    const QrCode a = QrCode::encode("tel:+85221579537");
    CHECK(rows(QrCode::encode("tel:+85221579537")) == rows(a));
    const QrCode copy = a;  // a value: copies keep the matrix
    CHECK(rows(copy) == rows(a));
    CHECK(rows(QrCode::encode("tel:+85221579538")) != rows(a));
    CHECK(rows(QrCode::encode("https://wa.me/85221579537")) != rows(a));
}

TEST_CASE("QR codes encode every byte, including NUL") {
    const std::string with_nul("tel:999\0tel:112", 15);
    CHECK(rows(QrCode::encode(with_nul)) != rows(QrCode::encode("tel:999")));
}

TEST_CASE("dark runs reproduce exactly the dark modules, in as few runs as possible") {
    for (const std::string& text : {std::string("tel:999"), whatsapp_link("+852 5981 3754"), std::string(1000, 'q')}) {
        const QrCode code = QrCode::encode(text);
        const int n = code.size();
        std::vector<std::string> drawn(static_cast<std::size_t>(n), std::string(static_cast<std::size_t>(n), '.'));
        const auto runs = code.dark_runs();
        REQUIRE_FALSE(runs.empty());
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const auto& run = runs[i];
            REQUIRE(run.y >= 0);
            REQUIRE(run.y < n);
            REQUIRE(run.x_begin >= 0);
            REQUIRE(run.x_begin < run.x_end);
            REQUIRE(run.x_end <= n);
            if (i > 0) {
                const auto& before = runs[i - 1];
                // Ordered, and never touching the previous run in the same row (else it would be one run).
                CHECK((before.y < run.y || (before.y == run.y && before.x_end < run.x_begin)));
            }
            for (int x = run.x_begin; x < run.x_end; ++x) {
                CHECK(drawn[static_cast<std::size_t>(run.y)][static_cast<std::size_t>(x)] == '.');  // no overlap
                drawn[static_cast<std::size_t>(run.y)][static_cast<std::size_t>(x)] = '#';
            }
        }
        CHECK(drawn == rows(code));
    }
}

TEST_CASE("modules outside the code are an error, not a guess") {
    const QrCode code = QrCode::encode("tel:999");
    CHECK_THROWS_AS(code.dark(-1, 0), std::out_of_range);
    CHECK_THROWS_AS(code.dark(0, code.size()), std::out_of_range);
    CHECK_THROWS_AS(code.dark(code.size(), 0), std::out_of_range);
}

TEST_CASE("text too long for a QR code throws with the reason") {
    // 2331 bytes is the most version 40 holds in 8-bit mode at level M.
    CHECK(QrCode::encode(std::string(2331, 'a')).size() == 177);
    CHECK_THROWS_AS(QrCode::encode(std::string(2332, 'a')), std::runtime_error);
    CHECK_THROWS_WITH(QrCode::encode(std::string(8000, 'a')), Contains("8000 bytes") && Contains("too long"));
}

TEST_CASE("an empty text makes no QR code") { CHECK_THROWS_AS(QrCode::encode(""), std::runtime_error); }

TEST_CASE("QR codes decode back to their text (zbarimg)") {
    // scripts/setup installs zbar-tools: without zbarimg this check would pass unchecked.
    REQUIRE(has_zbarimg());
    const TempDir dir;
    for (const std::string& text : {tel_link("999"), tel_link("+852 2157 9537"), whatsapp_link("+852 5981 3754"),
                                    std::string("https://wa.me/85256480990?text=hello"), std::string(500, 'z')}) {
        INFO("text: " << text);
        CHECK(decode_with_zbarimg(QrCode::encode(text), dir) == text);
    }
}
