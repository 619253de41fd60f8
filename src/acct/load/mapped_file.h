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

  private:
    void* data_ = nullptr;
    std::size_t size_ = 0;
    bool ok_ = false;
};

}  // namespace acctool
