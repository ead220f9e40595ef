#pragma once
// The signed content bundle served at GET /api/v1/content, kept in memory between requests.
// Every kiosk asks on every sync, and nearly all of them already hold it (304): rereading and
// hashing a bundle of up to tens of MB per request would cost a disk read and a copy each
// time. The file is read again only when it changes (a new inode, size or modification time:
// `collector content publish` writes a new file and renames it into place), so publishing
// still needs no restart.

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

namespace selfcheck::collector {

struct BundleSnapshot {
    std::string bytes;  // empty: nothing is published
    std::string etag;   // a quoted hash of the bytes
};

class PublishedBundle {
public:
    explicit PublishedBundle(std::filesystem::path file) : file_(std::move(file)) {}

    // The bundle as the file holds it now; shared, so a reply in flight keeps its bytes while
    // a newer publication replaces them here.
    std::shared_ptr<const BundleSnapshot> current();

private:
    struct FileStamp {
        unsigned long long inode = 0, size = 0;
        long long mtime_ns = -1;
        bool operator==(const FileStamp& other) const {
            return inode == other.inode && size == other.size && mtime_ns == other.mtime_ns;
        }
    };

    const std::filesystem::path file_;
    std::mutex mutex_;
    FileStamp stamp_;
    std::shared_ptr<const BundleSnapshot> snapshot_ = std::make_shared<BundleSnapshot>();
};

}  // namespace selfcheck::collector
