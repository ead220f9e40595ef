#include "protocol/bundle/content_bundle.h"
#include "protocol/content/messages.h"
#include "protocol/time/dates.h"
#include "server/catalog/form_catalog.h"
#include "server/cli/commands.h"
#include "server/keys/key_files.h"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace selfcheck::collector {

namespace {

bool ends_with(const std::string& text, const std::string& end) {
    return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

// What a kiosk needs of a content version: content/*.yaml, and the compiled messages under
// locales/. The notes beside them (README.md, SOURCES.md) stay with the NGO.
std::vector<BundleFile> bundle_files(const std::filesystem::path& content_dir, const std::filesystem::path& locales) {
    std::vector<BundleFile> files;
    for (BundleFile& file : read_bundle_files(content_dir))
        if (ends_with(file.path, ".yaml") && file.path.find('/') == std::string::npos) files.push_back(std::move(file));
    for (BundleFile& file : read_bundle_files(locales))
        if (ends_with(file.path, ".res") && file.path.find('/') == std::string::npos)
            files.push_back({"locales/" + file.path, std::move(file.bytes)});
    return files;
}

// Written beside `file`, then renamed over it: a reader never sees half a bundle.
void write_whole(const std::filesystem::path& file, const std::string& bytes) {
    const std::filesystem::path partial = file.string() + ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        out << bytes;
        out.flush();
        if (!out) throw BundleError(partial.string() + ": cannot write");
    }
    std::filesystem::rename(partial, file);
}

}  // namespace

int run_content_keygen(const Options& options) {
    const std::filesystem::path dir = options.out_dir;
    try {
        write_new_publisher_key_pair(dir);
    } catch (const std::exception& error) {
        std::cerr << "collector: " << error.what() << '\n';
        return kExitFailure;
    }
    std::cout << "Wrote the content publisher's key pair:\n"
              << "  " << (dir / kPublisherPublicKeyFile).string()
              << "  public: pinned in every kiosk.yaml (content_publisher_key)\n"
              << "  " << (dir / kPublisherSecretKeyFile).string() << "  SECRET, mode 0600\n"
              << "\n"
              << "Whoever holds the secret key can change what every kiosk tells workers: the\n"
              << "phone numbers, the amounts, the results. Keep it with the person who signs\n"
              << "content off, not on the collector, and keep one offline backup.\n";
    return kExitOk;
}

int run_content_publish(const Options& options) {
    try {
        const std::filesystem::path content_dir = options.content_dirs.front();
        const std::filesystem::path locales = options.locales_dir;
        const SigningSecretKey key = read_publisher_secret_key(options.publisher_key_file);
        // The kiosk's own loader and validator: what a kiosk would refuse is never signed.
        const Messages messages(locales);
        const FormCatalog catalog = FormCatalog::load({content_dir}, messages);
        const auto form = catalog.newest();
        // The second it was signed: grows with each publication without the collector keeping
        // a counter, and a kiosk compares it to refuse an older bundle offered again.
        const ContentBundle bundle{form->form.id, form->form.version, hong_kong_today(),
                                   bundle_files(content_dir, locales), static_cast<std::int64_t>(std::time(nullptr))};
        const std::string signed_bytes = sign_bundle(bundle, key);
        write_whole(options.bundle_file, signed_bytes);
        std::cout << "Signed " << form->form.id << " version " << form->form.version << " as content version "
                  << bundle.content_version << ": " << bundle.files.size() << " files, " << signed_bytes.size()
                  << " bytes, in " << options.bundle_file << "\n";
    } catch (const std::exception& error) {
        std::cerr << "collector: content publish: " << error.what() << '\n';
        return kExitFailure;
    }
    return kExitOk;
}

}  // namespace selfcheck::collector
