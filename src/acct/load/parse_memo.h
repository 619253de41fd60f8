#pragma once
// The parses of one writing command, by their bytes. `acct log` reads the
// file it edits while loading, again to plan the edit, and checks the old
// and the new bytes before writing and after reloading: without this, one
// 30 KB log.yaml was parsed five times, a third of a warm write.
#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <string_view>

#include "acct/load/yaml_tree.h"

namespace acctool {

class ParseMemo {
  public:
    // Keeps at most `files` parses of at most `bytes` of text in all (their
    // trees take about ten times that): a cold load passes every file
    // through, and only the last few stay.
    explicit ParseMemo(std::size_t files = 8, std::size_t bytes = 1u << 20);

    // parse_yaml(text) with the default limits, or the same result kept from
    // an earlier call with the same bytes. Safe from several threads.
    YamlParse parse(std::string_view text);

    std::size_t kept() const;  // for the tests
    int parsed() const;        // calls that had to parse

  private:
    struct Entry {
        std::uint64_t hash;
        std::string text;
        YamlParse result;
    };
    mutable std::mutex mutex_;
    std::list<Entry> entries_;  // the latest used first
    std::size_t max_files_, max_bytes_, bytes_ = 0;
    int parsed_ = 0;
};

}  // namespace acctool
