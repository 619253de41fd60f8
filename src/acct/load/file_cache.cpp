#include "acct/load/file_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

#include <fmt/format.h>
#include <xxhash.h>

#include "acct/os/files.h"

namespace fs = std::filesystem;

namespace acctool {

namespace {

constexpr std::int64_t ns_per_s = 1'000'000'000;
// The cache of a workspace not used for this long is removed.
constexpr std::int64_t expiry_ns = 90LL * 86400 * ns_per_s;
// A cache still in use is marked so (its mtime) at most this often.
constexpr std::int64_t touch_every_ns = 86400LL * ns_per_s;

std::int64_t ns(const timespec& t) {
    return t.tv_sec * ns_per_s + t.tv_nsec;
}

// Removes the caches of workspaces not used for 90 days, and temporary files
// left by runs that died, from the cache folder.
void expire(const fs::path& dir, std::int64_t now_ns) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        bool cache = name.ends_with(".cache");
        bool temp = name.find(".cache.tmp.") != std::string::npos;
        if (!cache && !temp) continue;
        struct stat st {};
        if (::lstat(it->path().c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        std::int64_t age = now_ns - ns(st.st_mtim);
        if ((cache && age > expiry_ns) || (temp && age > touch_every_ns))
            ::unlink(it->path().c_str());
    }
}

}  // namespace

FileStamp stamp_of(const struct stat& st) {
    return FileStamp{static_cast<std::uint64_t>(st.st_size), ns(st.st_mtim), ns(st.st_ctim),
                     static_cast<std::uint64_t>(st.st_ino), static_cast<std::uint64_t>(st.st_dev)};
}

fs::path cache_file(const fs::path& dir, const fs::path& root) {
    std::error_code ec;
    std::string real = fs::canonical(root, ec).string();
    if (ec) real = root.string();
    return dir / fmt::format("{:016x}.cache", XXH64(real.data(), real.size(), 0));
}

FileCache::FileCache(fs::path dir, const fs::path& root, std::string key, std::int64_t now_ns)
    : dir_(std::move(dir)), key_(std::move(key)), now_ns_(now_ns) {
    std::error_code ec;
    root_ = fs::canonical(root, ec).string();
    if (ec) root_ = root.string();
    path_ = cache_file(dir_, root);
    bytes_ = MappedFile(path_);
    if (!bytes_.ok()) return;
    image_ = read_image(bytes_.bytes());
    if (image_ && (image_->root != root_ || image_->key != key_)) image_.reset();
    if (!image_) return;
    for (const auto& f : image_->files)
        by_rel_.emplace(f.rel, &f);
}

FileCache::~FileCache() {
    if (spool_fd_ >= 0) ::close(spool_fd_);
}

std::optional<FileCache::Spooled> FileCache::spool(std::string_view blob) {
    std::call_once(spool_opened_, [&] {
        std::error_code ec;
        fs::create_directories(dir_, ec);
        std::string name = fmt::format("{}.tmp.{}.{}.spool", path_.string(), ::getpid(), now_ns_);
        spool_fd_ = ::open(name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (spool_fd_ >= 0) ::unlink(name.c_str());
    });
    if (spool_fd_ < 0 || spool_failed_) {
        spool_failed_ = true;
        return std::nullopt;
    }
    Spooled kept{spool_end_.fetch_add(static_cast<std::int64_t>(blob.size())), blob.size(),
                 blob_sums(blob)};
    if (!pwrite_all(spool_fd_, blob.data(), blob.size(), kept.at)) {
        spool_failed_ = true;
        return std::nullopt;
    }
    return kept;
}

bool FileCache::find(const InternedPath& rel, const FileStamp& stamp, bool with_interactions,
                     FileRecords& into) const {
    auto it = by_rel_.find(std::string_view(rel));
    if (it == by_rel_.end()) return false;
    const CachedFile& f = *it->second;
    if (!(f.stamp == stamp) || stamp.mtime_ns >= image_->written_ns) return false;
    // Read into a buffer of this thread's, not through the mapping: the run's
    // memory holds the records, not their bytes too.
    thread_local std::string copy;
    std::string_view part = with_interactions ? f.blob : f.blob.substr(0, f.sums.head);
    return bytes_.copy(part, copy) && blob_intact(copy, f, with_interactions) &&
           decode_records(copy, rel, with_interactions, into);
}

void FileCache::update(std::vector<Seen> files) {
    // A file changed in the second this run began may hold other bytes than
    // were read, though its stat stays the same: never trust it (the clock
    // was read in whole seconds; file systems may keep only 2 s).
    const std::int64_t trusted_before = now_ns_ - 2 * ns_per_s;
    // Only an entry the next run can trust is worth rewriting the cache for:
    // a file just written (by `acct log`, say) is read again next time anyway.
    bool changed = !image_ || files.size() != image_->files.size();
    for (const auto& s : files)
        if (s.fresh && s.stamp.mtime_ns < trusted_before) changed = true;
    if (!changed) {
        // Mark the cache used, so that it does not expire; at most daily.
        struct stat st {};
        if (::stat(path_.c_str(), &st) == 0 && now_ns_ - ns(st.st_mtim) > touch_every_ns) {
            ::utimensat(AT_FDCWD, path_.c_str(), nullptr, 0);
            expire(dir_, now_ns_);
        }
        return;
    }
    if (spool_failed_) return;
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) return;
    ImageHead head{root_, key_, trusted_before};
    std::sort(files.begin(), files.end(),
              [](const Seen& a, const Seen& b) { return a.rel < b.rel; });
    // New blobs from the spool, unchanged ones from the old image: both are
    // copied by the kernel, neither is read into memory.
    std::vector<BlobRef> blobs;
    for (auto& s : files) {
        if (s.fresh) {
            blobs.push_back(BlobRef{std::move(s.rel),
                                    s.stamp,
                                    s.fresh->length,
                                    s.fresh->sums,
                                    {},
                                    spool_fd_,
                                    s.fresh->at});
            continue;
        }
        auto old = by_rel_.find(s.rel);
        if (old == by_rel_.end()) continue;
        const CachedFile& f = *old->second;
        blobs.push_back(BlobRef{std::move(s.rel),
                                s.stamp,
                                f.blob.size(),
                                f.sums,
                                {},
                                bytes_.fd(),
                                f.blob.data() - bytes_.bytes().data()});
    }

    std::string temp = fmt::format("{}.tmp.{}.{}", path_.string(), ::getpid(), now_ns_);
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return;
    std::FILE* out = ::fdopen(fd, "wb");
    if (!out) {
        ::close(fd);
        ::unlink(temp.c_str());
        return;
    }
    bool ok = write_image(out, head, blobs);
    ok = std::fflush(out) == 0 && ok;
    ok = std::fclose(out) == 0 && ok;
    if (!ok || std::rename(temp.c_str(), path_.c_str()) != 0) ::unlink(temp.c_str());
    expire(dir_, now_ns_);
}

CacheInfo cache_info(const fs::path& dir, const fs::path& root, const std::string& key) {
    CacheInfo out;
    out.file = cache_file(dir, root);
    MappedFile bytes(out.file);
    if (!bytes.ok()) return out;
    out.exists = true;
    out.bytes = bytes.bytes().size();
    auto image = read_image(bytes.bytes());
    if (!image) return out;
    std::error_code ec;
    std::string real = fs::canonical(root, ec).string();
    out.valid = image->root == (ec ? root.string() : real) && image->key == key;
    out.files = image->files.size();
    for (const auto& f : image->files)
        out.data_bytes += f.stamp.size;
    return out;
}

bool clear_cache(const fs::path& dir, const fs::path& root) {
    fs::path file = cache_file(dir, root);
    return ::unlink(file.c_str()) == 0 || errno == ENOENT;
}

}  // namespace acctool
