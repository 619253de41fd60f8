#include "acct/os/files.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include <fmt/format.h>

namespace fs = std::filesystem;

namespace acctool {

namespace {

constexpr std::string_view temp_marker = ".acct-";

FileProblem problem_from_errno(int err, std::string_view what, const std::string& path) {
    auto kind = err == EIO ? FileProblem::Kind::io : FileProblem::Kind::cannot_write;
    return FileProblem{kind, fmt::format("cannot {} {}: {}", what, path, std::strerror(err))};
}

// `.NAME.acct-XXXXXX`: starts with a dot and does not end in .yaml, so the
// reader never takes a stray one for data.
bool is_our_temporary(const std::string& name) {
    auto k = name.rfind(temp_marker);
    return !name.empty() && name[0] == '.' && k != std::string::npos &&
           name.size() == k + temp_marker.size() + 6;
}

void remove_stale_temporaries(const fs::path& dir) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code e2;
        if (is_our_temporary(it->path().filename().string()) && it->is_regular_file(e2))
            fs::remove(it->path(), e2);
    }
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

mode_t default_mode() {
    mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

}  // namespace

WorkspaceLock::~WorkspaceLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

std::optional<WorkspaceLock> WorkspaceLock::acquire(const fs::path& root,
                                                    std::chrono::milliseconds wait,
                                                    FileProblem& problem) {
    int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        problem = problem_from_errno(errno, "open the workspace", root.string());
        return std::nullopt;
    }
    auto deadline = std::chrono::steady_clock::now() + wait;
    for (auto pause = std::chrono::milliseconds(2);;
         pause = std::min(pause * 2, decltype(pause)(50))) {
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return WorkspaceLock(fd);
        if (errno != EWOULDBLOCK && errno != EINTR) {
            problem = problem_from_errno(errno, "lock the workspace", root.string());
            ::close(fd);
            return std::nullopt;
        }
        if (std::chrono::steady_clock::now() >= deadline) break;
        std::this_thread::sleep_for(pause);
    }
    ::close(fd);
    problem = FileProblem{
        FileProblem::Kind::busy,
        fmt::format("another acct is writing in {} and did not finish within {} ms; try again",
                    root.string(), wait.count())};
    return std::nullopt;
}

bool stays_inside(const fs::path& root, const fs::path& path) {
    std::error_code ec;
    fs::path real_root = fs::canonical(root, ec);
    if (ec) return false;
    fs::path real = fs::weakly_canonical(path, ec);
    if (ec) return false;
    auto r = real_root.native(), p = real.native();
    return p.size() > r.size() && p.compare(0, r.size(), r) == 0 && p[r.size()] == '/';
}

std::optional<FileProblem> replace_file(const fs::path& root, const std::string& rel,
                                        std::string_view bytes) {
    const fs::path target = root / rel;
    if (!stays_inside(root, target))
        return FileProblem{
            FileProblem::Kind::outside,
            fmt::format("{} leads out of the workspace; acct does not write there", rel)};
    std::error_code ec;
    const fs::path real = fs::weakly_canonical(target, ec);
    const fs::path dir = real.parent_path();

    struct stat old {};
    bool exists = ::stat(real.c_str(), &old) == 0;
    if (!exists && errno != ENOENT) return problem_from_errno(errno, "read", rel);
    // The rename below needs only the folder's write bit: without this check
    // a file the user made read-only would be replaced all the same.
    if (exists && ::faccessat(AT_FDCWD, real.c_str(), W_OK, AT_EACCESS) != 0)
        return problem_from_errno(errno, "write", rel);

    remove_stale_temporaries(dir);
    std::string temp =
        (dir / fmt::format(".{}{}XXXXXX", real.filename().string(), temp_marker)).string();
    int fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0) return problem_from_errno(errno, "create a file in", fs::path(rel).parent_path());

    auto fail = [&](std::string_view what) {
        int err = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        return problem_from_errno(err, what, rel);
    };
    if (!write_all(fd, bytes)) return fail("write");
    if (::fchmod(fd, exists ? (old.st_mode & 07777) : default_mode()) != 0)
        return fail("set the mode of");
    // Keep the owner when root edits someone's file. Others keep the group
    // when they belong to it (a shared workspace's group), else get their own.
    if (exists && ::geteuid() == 0 && ::fchown(fd, old.st_uid, old.st_gid) != 0)
        return fail("set the owner of");
    if (exists && ::geteuid() != 0) (void)::fchown(fd, static_cast<uid_t>(-1), old.st_gid);
    if (::fsync(fd) != 0) return fail("write");
    if (::close(fd) != 0) {
        int err = errno;
        ::unlink(temp.c_str());
        return problem_from_errno(err, "write", rel);
    }
    if (::rename(temp.c_str(), real.c_str()) != 0) {
        int err = errno;
        ::unlink(temp.c_str());
        return problem_from_errno(err, "replace", rel);
    }
    // The rename itself is only durable once the folder is.
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return std::nullopt;
}

namespace {

// Calls `io` (pread or pwrite) until all `n` bytes are through.
template <class Io>
bool whole(Io io, std::size_t n, std::int64_t at) {
    std::size_t done = 0;
    while (done < n) {
        ssize_t got = io(done, static_cast<off_t>(at + static_cast<std::int64_t>(done)));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return false;
        done += static_cast<std::size_t>(got);
    }
    return true;
}

}  // namespace

bool pread_all(int fd, char* to, std::size_t n, std::int64_t at) {
    return whole(
        [&](std::size_t done, off_t from) { return ::pread(fd, to + done, n - done, from); }, n,
        at);
}

bool pwrite_all(int fd, const char* from, std::size_t n, std::int64_t at) {
    return whole(
        [&](std::size_t done, off_t to) { return ::pwrite(fd, from + done, n - done, to); }, n, at);
}

std::optional<std::string> read_whole_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(ss).str();
}

}  // namespace acctool
