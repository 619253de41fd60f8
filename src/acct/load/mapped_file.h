#pragma once
// A file's bytes mapped read-only into memory: reading the cache of parsed
// files copies nothing, and its pages are the page cache's, not this run's.
#include <filesystem>
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
    std::string_view bytes() const;
    // Gives back the memory of the pages under `part` (of bytes()): they stay
    // in the page cache and are mapped again if read again, so a run that
    // reads the whole file never holds all of it at once.
    void release(std::string_view part) const;

  private:
    void* data_ = nullptr;
    std::size_t size_ = 0;
    bool ok_ = false;
};

}  // namespace acctool
