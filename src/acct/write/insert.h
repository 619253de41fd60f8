#pragma once
// Where and how to insert a record into a YAML file so that every existing
// byte stays as it was: after the last line of a block list, before the `]`
// of a flow list, as a new section at the end. The new text follows the
// file's line endings and the style of its neighbours.
#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "acct/load/yaml_tree.h"
#include "acct/model/result.h"
#include "acct/write/tree_change.h"
#include "acct/write/yaml_value.h"

namespace acctool {

struct Insertion {
    std::size_t offset = 0;  // in the file's bytes (a BOM included)
    std::string text;        // what goes there
    std::size_t record = 0;  // offset of the new record's first key in the new file
    // What the new tree must be: the old one with `value` appended to the list
    // (or added under `key` to the mapping) at `path`.
    std::vector<TreeStep> path;
    std::string key;  // empty: append to a list
    YamlValue value;
    std::size_t index = npos_index;  // with no key: the new item's place in the list
    static constexpr std::size_t npos_index = static_cast<std::size_t>(-1);
};

// The file as the planner sees it. `doc` was parsed from `bytes` without
// its BOM.
struct EditableFile {
    std::string_view bytes;
    const YamlDocument& doc;
};

// Whether `doc` can take a section: empty, null, or a mapping at its top (a
// list or a scalar there is the data's error).
bool holds_sections(const YamlDocument& doc);

// Appends `item` (a mapping) to the root section `section`, creating the
// section when it is absent or empty.
Result<Insertion> append_to_section(const EditableFile& f, std::string_view section,
                                    const YamlValue& item);

// Appends `item` to the list under `key` of the mapping `map`; creates the key.
Result<Insertion> append_to_list(const EditableFile& f, std::uint32_t map, std::string_view key,
                                 const YamlValue& item);

// Inserts `item` into the list `seq` right after its item `after`.
Result<Insertion> insert_after_item(const EditableFile& f, std::uint32_t seq, std::size_t after,
                                    const YamlValue& item);

// Adds `key: value` to the mapping `map` (which must not hold `key`).
Result<Insertion> add_key(const EditableFile& f, std::uint32_t map, std::string_view key,
                          const YamlValue& value);

// The text with the insertion made.
std::string apply_insertion(std::string_view bytes, const Insertion& ins);

// What the insertion does to the file's tree.
TreeChange tree_change(const Insertion& ins);

// Whether `new_doc` is `old_doc` with exactly the planned change.
bool has_only_the_change(const YamlDocument& old_doc, const YamlDocument& new_doc,
                         const Insertion& ins);

// The steps from the top of the file to `node`.
Result<std::vector<TreeStep>> path_to(const YamlDocument& doc, std::uint32_t node);

// The value under `key` in mapping `map`, or nullptr.
const YamlNode* map_get(const YamlDocument& doc, const YamlNode& map, std::string_view key);

}  // namespace acctool
