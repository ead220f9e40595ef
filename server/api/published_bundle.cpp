#include "server/api/published_bundle.h"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>

namespace selfcheck::collector {

std::shared_ptr<const BundleSnapshot> PublishedBundle::current() {
    FileStamp now;  // stays as it is (mtime -1) when there is no file to stat
    struct stat info {};
    if (!file_.empty() && ::stat(file_.c_str(), &info) == 0) {
        now.inode = static_cast<unsigned long long>(info.st_ino);
        now.size = static_cast<unsigned long long>(info.st_size);
        now.mtime_ns = static_cast<long long>(info.st_mtim.tv_sec) * 1'000'000'000LL + info.st_mtim.tv_nsec;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    if (now == stamp_) return snapshot_;
    auto fresh = std::make_shared<BundleSnapshot>();
    if (now.mtime_ns >= 0) {
        std::ifstream in(file_, std::ios::binary);
        std::stringstream whole;
        whole << in.rdbuf();
        if (in) fresh->bytes = whole.str();
    }
    // A read that does not match the size just seen (the file rewritten in place while it was
    // read) is not served: the last whole bundle stays, and the next request reads again.
    if (fresh->bytes.size() != now.size) return snapshot_;
    if (!fresh->bytes.empty()) {
        char etag[32];
        std::snprintf(etag, sizeof etag, "\"%016zx\"", std::hash<std::string>{}(fresh->bytes));
        fresh->etag = etag;
    }
    stamp_ = now;
    snapshot_ = std::move(fresh);
    return snapshot_;
}

}  // namespace selfcheck::collector
