// Which clip speaks a message: a recording that still says the shown text, else the build's
// machine clip, else run-time speech for messages with run-time arguments, else nothing.
// Every clip passed over, and every one missing, is a warning that names the file.
#include "kiosk/audio/audio_error.h"
#include "kiosk/audio/clip_catalog.h"
#include "kiosk/audio/clip_manifest.h"
#include "tests/audio/audio_fixtures.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using namespace selfcheck::audio;
using selfcheck::testing::TempDir;

namespace {

const std::vector<std::string> kKeys{"answer.yes", "idle.body", "right.food.explain", "welcome.prompt"};

struct Clips {
    TempDir dir;
    testing::ShippedMessages shipped;
    ClipDirs dirs{dir.path() / "recorded", dir.path() / "synthesised"};

    // A clip under `root`/<locale>/, listed in texts.tsv as saying `text` (the shown text
    // when empty), or left out of texts.tsv when `listed` is false.
    std::filesystem::path add(const std::filesystem::path& root, const std::string& locale, const std::string& key,
                              const std::string& ext, std::string text = {}, bool listed = true) {
        const auto file = root / locale / (key + ext);
        testing::write_clip_as(file, 0.5);
        if (listed) {
            ClipManifest manifest = ClipManifest::load(root / locale / kManifestFile);
            manifest.set(key, {text.empty() ? shipped.messages.text(locale, key) : text, "test"});
            manifest.save(root / locale / kManifestFile);
        }
        return file;
    }
    // A machine clip for every key without run-time arguments, in each language with a voice.
    void synthesise_all() {
        for (const char* locale : {"id", "en", "zh_Hant_HK"})
            for (const char* key : {"answer.yes", "right.food.explain", "welcome.prompt"})
                add(dirs.synthesised, locale, key, ".ogg");
    }
    ClipCatalog catalog(ClipCatalog::Check check = ClipCatalog::Check::OpenEveryClip) const {
        return ClipCatalog(shipped.messages, kKeys, testing::kLocales, dirs, check);
    }
};

bool warned(const ClipCatalog& catalog, const std::filesystem::path& where, const std::string& words) {
    for (const auto& p : catalog.problems())
        if (p.where == where.string() && p.message.find(words) != std::string::npos) return true;
    return false;
}

const LocaleCoverage& coverage_of(const ClipCatalog& catalog, const std::string& locale) {
    for (const auto& c : catalog.coverage())
        if (c.locale == locale) return c;
    throw std::runtime_error("no coverage for " + locale);
}

}  // namespace

TEST_CASE("a recording that says the shown text wins over the machine clip", "[catalog]") {
    Clips clips;
    clips.synthesise_all();
    const auto recorded = clips.add(clips.dirs.recorded, "en", "answer.yes", ".flac");
    const ClipCatalog catalog = clips.catalog();
    CHECK(catalog.choice("en", "answer.yes").source == ClipSource::Recorded);
    CHECK(catalog.choice("en", "answer.yes").file == recorded);
    CHECK(catalog.choice("en", "welcome.prompt").source == ClipSource::Synthesised);
    CHECK(catalog.choice("en", "welcome.prompt").file == clips.dirs.synthesised / "en" / "welcome.prompt.ogg");
    CHECK(catalog.problems().size() == 1);  // only Tagalog's missing voice
}

TEST_CASE("a recording of an older text is not used, and says what changed", "[catalog]") {
    Clips clips;
    clips.synthesise_all();
    // Recorded when the food allowance was HK$1,196; rights.yaml now says 1,236.
    const auto stale = clips.add(clips.dirs.recorded, "en", "right.food.explain", ".wav",
                                 "Your employer must give you free food. If not, they must pay you at least "
                                 "HK$1,196 a month for food. This is on top of your salary.");
    const auto unlisted = clips.add(clips.dirs.recorded, "en", "answer.yes", ".wav", {}, false);
    const ClipCatalog catalog = clips.catalog();
    CHECK(catalog.choice("en", "right.food.explain").source == ClipSource::Synthesised);
    CHECK(warned(catalog, stale, "HK$1,196"));
    CHECK(warned(catalog, stale, "HK$1,236"));
    CHECK(catalog.choice("en", "answer.yes").source == ClipSource::Synthesised);
    CHECK(warned(catalog, unlisted, "kiosk-audio import"));
}

TEST_CASE("a message with run-time arguments is spoken as shown, never from a recording", "[catalog]") {
    Clips clips;
    clips.synthesise_all();
    const auto recording = clips.add(clips.dirs.recorded, "en", "idle.body", ".wav", "anything");
    const ClipCatalog catalog = clips.catalog();
    for (const char* locale : {"id", "en", "zh_Hant_HK"})
        CHECK(catalog.choice(locale, "idle.body").source == ClipSource::RunTime);
    CHECK(warned(catalog, recording, "{seconds}"));
    CHECK(catalog.choice("fil", "idle.body").source == ClipSource::None);  // no voice: nothing
    CHECK(catalog.speaks_text("en"));
    CHECK_FALSE(catalog.speaks_text("fil"));
}

TEST_CASE("Tagalog is heard only where recorded, and the catalog says it has no voice", "[catalog]") {
    Clips clips;
    clips.synthesise_all();
    clips.add(clips.dirs.recorded, "fil", "answer.yes", ".opus");
    const ClipCatalog catalog = clips.catalog();
    CHECK(catalog.choice("fil", "answer.yes").source == ClipSource::Recorded);
    CHECK(catalog.choice("fil", "welcome.prompt").source == ClipSource::None);
    CHECK(warned(catalog, clips.dirs.recorded / "fil", "no voice for 'fil'"));
    CHECK(warned(catalog, clips.dirs.recorded / "fil", "3 messages"));
    const LocaleCoverage& fil = coverage_of(catalog, "fil");
    CHECK(fil.recorded == 1);
    CHECK(fil.missing == 3);
    CHECK(fil.percent() == Approx(25.0));
    CHECK_FALSE(fil.machine_voice);
    const LocaleCoverage& en = coverage_of(catalog, "en");
    CHECK(en.synthesised == 3);
    CHECK(en.run_time == 1);
    CHECK(en.percent() == Approx(100.0));
    CHECK(describe(en) == "en 100.0% (0 recorded, 3 synthesised, 1 at run time, 0 missing)");
}

TEST_CASE("a missing or unreadable clip is a warning naming the file, never a crash", "[catalog]") {
    Clips clips;
    clips.synthesise_all();
    const auto broken_recording = clips.add(clips.dirs.recorded, "id", "answer.yes", ".wav");
    std::ofstream(broken_recording, std::ios::trunc) << "not audio at all";
    const auto broken_machine_clip = clips.dirs.synthesised / "en" / "answer.yes.ogg";
    std::ofstream(broken_machine_clip, std::ios::trunc) << "OggS but no more";
    std::filesystem::remove(clips.dirs.synthesised / "zh_Hant_HK" / "welcome.prompt.ogg");

    const ClipCatalog checked = clips.catalog(ClipCatalog::Check::OpenEveryClip);
    CHECK(checked.choice("id", "answer.yes").source == ClipSource::Synthesised);  // the recording is passed over
    CHECK(warned(checked, broken_recording, "cannot be played"));
    CHECK(checked.choice("en", "answer.yes").source == ClipSource::None);
    CHECK(warned(checked, broken_machine_clip, "cannot be played"));
    CHECK(checked.choice("zh_Hant_HK", "welcome.prompt").source == ClipSource::None);
    CHECK(warned(checked, clips.dirs.synthesised / "zh_Hant_HK" / "welcome.prompt.ogg", "missing"));
    CHECK(coverage_of(checked, "en").missing == 1);

    // The kiosk does not open every clip at start; the player skips a bad one as it plays.
    const ClipCatalog trusted = clips.catalog(ClipCatalog::Check::NamesOnly);
    CHECK(trusted.choice("en", "answer.yes").source == ClipSource::Synthesised);
}

TEST_CASE("files that are no clip of a known message and language are named", "[catalog]") {
    Clips clips;
    clips.synthesise_all();
    const auto unknown_key = clips.add(clips.dirs.recorded, "en", "answer.maybe", ".wav", "Maybe");
    const auto stray = clips.dir.write("recorded/en/notes.txt", "to do");
    const auto other_language = clips.add(clips.dirs.recorded, "tl", "answer.yes", ".wav", "Oo");
    const auto bad_manifest = clips.dir.write("recorded/id/texts.tsv", "answer.yes only two\n");
    const ClipCatalog catalog = clips.catalog();
    CHECK(warned(catalog, unknown_key, "no spoken message 'answer.maybe'"));
    CHECK(warned(catalog, stray, "not a clip"));
    CHECK(warned(catalog, clips.dirs.recorded / "tl", "no language 'tl'"));
    CHECK(warned(catalog, bad_manifest, "texts.tsv:1"));
    (void)other_language;
}

TEST_CASE("with no machine clips built, each language with a voice says so once", "[catalog]") {
    Clips clips;
    const ClipCatalog catalog = clips.catalog();
    CHECK(warned(catalog, clips.dirs.synthesised / "en", "no synthesised clips"));
    CHECK(coverage_of(catalog, "en").missing == 3);
    CHECK(coverage_of(catalog, "en").run_time == 1);
}

TEST_CASE("texts.tsv keeps any text exactly, and names the line it cannot read", "[catalog]") {
    TempDir dir;
    ClipManifest manifest;
    manifest.set("a.key", {"tab\there, new\nline, back\\slash", "recorded"});
    manifest.save(dir.path() / kManifestFile);
    const ClipManifest loaded = ClipManifest::load(dir.path() / kManifestFile);
    REQUIRE(loaded.find("a.key"));
    CHECK(loaded.find("a.key")->text == "tab\there, new\nline, back\\slash");
    CHECK(loaded.find("a.key")->origin == "recorded");
    CHECK(ClipManifest::load(dir.path() / "none.tsv").entries().empty());
    dir.write("bad.tsv", "# comment\nkey\ttext\torigin\nkey only\n");
    try {
        ClipManifest::load(dir.path() / "bad.tsv");
        FAIL("loaded a broken manifest");
    } catch (const AudioError& e) {
        CHECK_THAT(e.what(), Catch::Contains("bad.tsv:3"));
    }
}
