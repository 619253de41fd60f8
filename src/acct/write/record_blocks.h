#pragma once
// A record file's bytes cut into the pieces a merge moves around whole: the
// top-level entries (a client field, a section) and, inside a section written
// as a block list, its records. Each piece is a byte range of the file and
// the value it reads as, so that a merge can copy blocks byte for byte and
// still say what the result must read back as.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "acct/load/yaml_tree.h"
#include "acct/model/result.h"
#include "acct/write/yaml_value.h"

namespace acctool {

struct RecordBlock {
    std::size_t begin = 0, end = 0;  // from its `-` line to the end of its last line
    YamlValue value;
};

struct EntryBlock {
    std::string key;
    std::size_t begin = 0, end = 0;  // from the key's line to the next key's line
    YamlValue value;
    // A record section written as a block list: its records, in file order.
    bool is_list = false;
    int dash_column = 0;
    std::vector<RecordBlock> records;  // the last one's end is where a new record goes
};

struct FileBlocks {
    std::string_view text;          // the body: the BOM left out
    std::string eol;                // "\n" or "\r\n", as the file's first line ends
    std::size_t entries_begin = 0;  // what comes before the first key
    std::vector<EntryBlock> entries;
};

// `doc` was parsed from `text` (no BOM). Fails on a layout it cannot cut
// safely: a top-level mapping in flow style, a key not first on its line, a
// key written twice.
Result<FileBlocks> cut_into_blocks(std::string_view text, const YamlDocument& doc);

// `block` (whole lines of a list item written at `from` columns) moved to
// `to` columns and given line endings `eol`; fails when a line has too
// little indentation to move left.
Result<std::string> move_block(std::string_view block, int from, int to, std::string_view eol);

}  // namespace acctool
