#pragma once
// A file's bytes mapped read-only into memory, and the file kept open: the
// cache of parsed files reads its header through the mapping, and each entry
// through copy() (or the kernel copies it, by fd()), which leaves no page of
// the file in this run's memory.
#include <filesystem>
#include <string>
#include <string_view>

namespace acctool {

class MappedFile {
  public:
    MappedFile() = default;
    // Empty when `path` is not a regular file that could be opened and mapped.
    explicit MappedFile(const std::filesystem::path& path);
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    bool ok() const { return ok_; }
    int fd() const { return fd_; }
    std::string_view bytes() const;
    // Reads the bytes under `part` (a slice of bytes()) from the file into
    // `to`, without touching the mapping; false when the read failed.
    bool copy(std::string_view part, std::string& to) const;

  private:
    int fd_ = -1;
    void* data_ = nullptr;
    std::size_t size_ = 0;
    bool ok_ = false;
};

}  // namespace acctool
