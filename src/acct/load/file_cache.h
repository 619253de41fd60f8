#pragma once
// The cache of parsed files: what read_record_file made of each file, kept
// under $XDG_CACHE_HOME/acct/ (one file per workspace, named by a hash of its
// real path) and used again while the file's stat is unchanged. Only
// workspace.cpp uses it; nothing above load/ sees records come from it.
#include <sys/stat.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "acct/load/cache_format.h"
#include "acct/load/mapped_file.h"

namespace acctool {

// What stat says of a file (following links).
FileStamp stamp_of(const struct stat& st);

// The cache file of the workspace at `root` in the folder `dir`.
std::filesystem::path cache_file(const std::filesystem::path& dir,
                                 const std::filesystem::path& root);

class FileCache {
  public:
    // `now_ns`: when this run began; a file changed since is never trusted.
    // A missing, damaged or foreign cache is an empty one.
    FileCache(std::filesystem::path dir, const std::filesystem::path& root, std::string key,
              std::int64_t now_ns);
    ~FileCache();  // closes the spool
    FileCache(const FileCache&) = delete;
    FileCache& operator=(const FileCache&) = delete;

    // Decodes the cached result for `rel` into `into` when `stamp` is what
    // was cached and the file is older than the moment that entry was
    // written (git's "racy clean" rule); false when there is none to trust
    // (`into` may then be partly filled). Without `with_interactions` only
    // the blob's head is read. Thread-safe.
    bool find(const InternedPath& rel, const FileStamp& stamp, bool with_interactions,
              FileRecords& into) const;

    // Where a blob of a file read in this run waits for update(): in a
    // temporary file, not in memory.
    struct Spooled {
        std::int64_t at = 0;
        std::uint64_t length = 0;
        BlobSums sums;
    };
    // Keeps `blob` (encode_records) until update(); thread-safe. nullopt when
    // it could not be kept: update() then leaves the cache as it is.
    std::optional<Spooled> spool(std::string_view blob);

    // After a full walk: the files of this run, each with its old or new blob;
    // writes the cache (atomically) when anything changed, entries for files
    // gone included. Failures are silent: the cache is only a cache.
    struct Seen {
        std::string rel;
        FileStamp stamp;
        std::optional<Spooled> fresh;  // none: unchanged, the cached blob stays
    };
    void update(std::vector<Seen> files);

  private:
    std::filesystem::path dir_, path_;
    std::string root_, key_;
    std::int64_t now_ns_;
    MappedFile bytes_;  // the image read, which its blobs point into
    std::once_flag spool_opened_;
    int spool_fd_ = -1;  // unlinked as soon as made
    std::atomic<std::int64_t> spool_end_{0};
    std::atomic<bool> spool_failed_{false};
    std::optional<CacheImage> image_;
    std::unordered_map<std::string_view, const CachedFile*> by_rel_;
};

// For `acct cache info`: whether the cache is intact and of this key, its
// size, its files and the sum of their sizes.
struct CacheInfo {
    std::filesystem::path file;
    bool exists = false;
    bool valid = false;
    std::uint64_t bytes = 0;
    std::size_t files = 0;
    std::uint64_t data_bytes = 0;
};
CacheInfo cache_info(const std::filesystem::path& dir, const std::filesystem::path& root,
                     const std::string& key);
// Removes the workspace's cache; false when one was there and could not be.
bool clear_cache(const std::filesystem::path& dir, const std::filesystem::path& root);

}  // namespace acctool
