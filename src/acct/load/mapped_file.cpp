#include "acct/load/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <utility>

namespace acctool {

MappedFile::MappedFile(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        size_ = static_cast<std::size_t>(st.st_size);
        if (size_ == 0) {
            ok_ = true;
        } else {
            void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
            if (p != MAP_FAILED) {
                data_ = p;
                ok_ = true;
            } else {
                size_ = 0;
            }
        }
    }
    ::close(fd);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      ok_(std::exchange(other.ok_, false)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    if (this != &other) {
        if (data_) ::munmap(data_, size_);
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
        ok_ = std::exchange(other.ok_, false);
    }
    return *this;
}

MappedFile::~MappedFile() {
    if (data_) ::munmap(data_, size_);
}

std::string_view MappedFile::bytes() const {
    return data_ ? std::string_view(static_cast<const char*>(data_), size_) : std::string_view();
}

void MappedFile::release(std::string_view part) const {
    if (!data_ || part.empty()) return;
    // Whole pages, neighbours' included: the mapping is never written, so a
    // page dropped while another thread reads it is read again from the file.
    static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    auto base = reinterpret_cast<std::uintptr_t>(data_);
    auto begin = std::max(reinterpret_cast<std::uintptr_t>(part.data()) & ~(page - 1), base);
    auto end = std::min(reinterpret_cast<std::uintptr_t>(part.data() + part.size()), base + size_);
    if (begin < end) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
}

}  // namespace acctool
