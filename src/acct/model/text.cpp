#include "acct/model/text.h"

#include <memory>
#include <mutex>
#include <vector>

namespace acctool {

namespace {

// Texts are appended to blocks that are never freed (acct runs for a moment);
// each thread fills its own block, so parsing files in parallel takes no lock
// per text. The list of blocks keeps them reachable for leak checkers.
constexpr std::size_t block_size = 256 * 1024;

struct Store {
    std::mutex lock;
    std::vector<std::unique_ptr<char[]>> blocks;
    std::vector<std::shared_ptr<const void>> kept;
};

Store& store() {
    static Store* s = new Store;  // never destroyed: texts are read at exit too
    return *s;
}

char* new_block(std::size_t size) {
    Store& s = store();
    std::lock_guard<std::mutex> held(s.lock);
    s.blocks.push_back(std::make_unique_for_overwrite<char[]>(size));
    return s.blocks.back().get();
}

char* place(std::size_t size) {
    thread_local char* block = nullptr;
    thread_local std::size_t left = 0;
    if (size > block_size / 4) return new_block(size);  // a long text gets a block of its own
    if (size > left) {
        block = new_block(block_size);
        left = block_size;
    }
    char* at = block;
    block += size;
    left -= size;
    return at;
}

}  // namespace

Text::Text(std::string_view s) {
    if (s.empty()) return;
    auto n = static_cast<std::uint32_t>(s.size());
    char* at = place(sizeof n + s.size());
    std::memcpy(at, &n, sizeof n);
    std::memcpy(at + sizeof n, s.data(), s.size());
    at_ = at;
}

void keep_until_exit(std::shared_ptr<const void> what) {
    Store& s = store();
    std::lock_guard<std::mutex> held(s.lock);
    s.kept.push_back(std::move(what));
}

}  // namespace acctool
