#include "acct/model/interned_path.h"

#include <array>
#include <functional>
#include <mutex>
#include <string_view>
#include <unordered_set>

namespace acctool {

namespace {

struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Never destroyed: paths may be printed from static destructors' time, and
// freeing thousands of strings at exit is wasted work.
const std::string* intern(std::string_view path) {
    if (path.empty()) return nullptr;  // the empty path
    // A file's path is interned several times in a row by the thread reading
    // it: those take no lock.
    thread_local const std::string* last = nullptr;
    if (last && *last == path) return last;
    // Threads interning different paths at once mostly take different locks.
    struct Shard {
        std::mutex lock;
        std::unordered_set<std::string, TextHash, std::equal_to<>> table;
    };
    static auto* shards = new std::array<Shard, 16>;
    const std::size_t hash = TextHash{}(path);
    Shard& shard = (*shards)[hash % shards->size()];
    std::lock_guard<std::mutex> held(shard.lock);
    auto it = shard.table.find(path);
    if (it == shard.table.end()) it = shard.table.emplace(path).first;
    last = &*it;
    return last;
}

}  // namespace

const std::string& InternedPath::empty_text() {
    static const std::string* empty = new std::string;
    return *empty;
}

InternedPath::InternedPath(std::string_view path) : text_(intern(path)) {}

}  // namespace acctool
