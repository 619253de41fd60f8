#pragma once
// The two places acct changes the disk: a lock around read-modify-write, and
// replacing one file atomically (temporary in the same folder, fsync, rename,
// fsync of the folder). Either the old file or the whole new one is there,
// whatever happens to the process.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace acctool {

struct FileProblem {
    enum class Kind {
        outside,       // the path leads out of the workspace
        cannot_write,  // permissions, read-only, no space
        io,            // the disk said EIO
        busy,          // another acct holds the lock
    };
    Kind kind;
    std::string message;
};

// An exclusive flock on the workspace's root folder, held for its lifetime.
class WorkspaceLock {
  public:
    WorkspaceLock(WorkspaceLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    WorkspaceLock& operator=(WorkspaceLock&& other) noexcept {
        std::swap(fd_, other.fd_);
        return *this;
    }
    ~WorkspaceLock();

    // Waits up to `wait` for other writers, then gives up (Kind::busy).
    static std::optional<WorkspaceLock> acquire(const std::filesystem::path& root,
                                                std::chrono::milliseconds wait,
                                                FileProblem& problem);

  private:
    explicit WorkspaceLock(int fd) : fd_(fd) {}
    int fd_;
};

// Writes `bytes` as `root/rel`, replacing the old file (keeping its mode and
// owner; refused when the file itself is not writable) or creating it (mode
// 0666 less the umask). A link is followed only
// when it stays inside the workspace. Stale temporaries of killed writers in
// that folder are removed first; the caller holds the lock.
std::optional<FileProblem> replace_file(const std::filesystem::path& root, const std::string& rel,
                                        std::string_view bytes);

// Whether `path` (existing or not) stays inside `root` once links are
// resolved.
bool stays_inside(const std::filesystem::path& root, const std::filesystem::path& path);

// All `n` bytes at offset `at` of the open file `fd`, read into `to` or
// written from `from`, however many calls that takes (a signal may cut one
// short); false on an error, or when the file ends first.
bool pread_all(int fd, char* to, std::size_t n, std::int64_t at);
bool pwrite_all(int fd, const char* from, std::size_t n, std::int64_t at);

// The whole file's bytes, or nothing when it cannot be read.
std::optional<std::string> read_whole_file(const std::filesystem::path& path);

}  // namespace acctool
