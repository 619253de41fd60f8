// LD_PRELOAD shim for the writing tests: makes the system calls acct uses
// to replace a file fail, only on acct's temporary files (".acct-" in the
// name), so that a test can check the original survives byte for byte.
//   ACCT_FAULT=write   write() fails with ENOSPC
//   ACCT_FAULT=fsync   fsync() fails with EIO
//   ACCT_FAULT=rename  rename() fails with EACCES
#include <dlfcn.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

bool fault_is(const char* what) {
    const char* f = std::getenv("ACCT_FAULT");
    return f && std::strcmp(f, what) == 0;
}

bool is_temporary(int fd) {
    char link[64], target[4096];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0) return false;
    target[n] = '\0';
    return std::strstr(target, ".acct-") != nullptr;
}

template <class F>
F next(const char* name) {
    return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

}  // namespace

extern "C" ssize_t write(int fd, const void* buf, size_t n) {
    if (fault_is("write") && is_temporary(fd)) {
        errno = ENOSPC;
        return -1;
    }
    return next<ssize_t (*)(int, const void*, size_t)>("write")(fd, buf, n);
}

extern "C" int fsync(int fd) {
    if (fault_is("fsync") && is_temporary(fd)) {
        errno = EIO;
        return -1;
    }
    return next<int (*)(int)>("fsync")(fd);
}

extern "C" int rename(const char* from, const char* to) {
    if (fault_is("rename") && std::strstr(from, ".acct-")) {
        errno = EACCES;
        return -1;
    }
    return next<int (*)(const char*, const char*)>("rename")(from, to);
}
