#include "acct/model/interned_path.h"

#include <mutex>
#include <set>

namespace acctool {

namespace {

// Never destroyed: paths may be printed from static destructors' time, and
// freeing thousands of strings at exit is wasted work.
const std::string* empty_text() {
    static const std::string* empty = new std::string;
    return empty;
}

const std::string* intern(std::string_view path) {
    if (path.empty()) return empty_text();  // records are made empty first: no lock
    static std::mutex* lock = new std::mutex;
    static auto* table = new std::set<std::string, std::less<>>;
    std::lock_guard<std::mutex> held(*lock);
    auto it = table->find(path);
    if (it == table->end()) it = table->emplace(path).first;
    return &*it;
}

}  // namespace

InternedPath::InternedPath() : text_(empty_text()) {}

InternedPath::InternedPath(std::string_view path) : text_(intern(path)) {}

}  // namespace acctool
