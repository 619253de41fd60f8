#include "acct/load/parse_memo.h"

#include <xxhash.h>

namespace acctool {

ParseMemo::ParseMemo(std::size_t files, std::size_t bytes) : max_files_(files), max_bytes_(bytes) {}

YamlParse ParseMemo::parse(std::string_view text) {
    const std::uint64_t hash = XXH3_64bits(text.data(), text.size());
    {
        std::lock_guard lock(mutex_);
        for (auto it = entries_.begin(); it != entries_.end(); ++it)
            if (it->hash == hash && it->text == text) {
                entries_.splice(entries_.begin(), entries_, it);
                return it->result;
            }
        ++parsed_;
    }
    // Parsed outside the lock: the threads of a load parse in parallel.
    YamlParse result = parse_yaml(text);
    if (text.size() > max_bytes_) return result;
    std::lock_guard lock(mutex_);
    entries_.push_front(Entry{hash, std::string(text), result});
    bytes_ += text.size();
    while (entries_.size() > max_files_ || bytes_ > max_bytes_) {
        bytes_ -= entries_.back().text.size();
        entries_.pop_back();
    }
    return result;
}

std::size_t ParseMemo::kept() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

int ParseMemo::parsed() const {
    std::lock_guard lock(mutex_);
    return parsed_;
}

}  // namespace acctool
