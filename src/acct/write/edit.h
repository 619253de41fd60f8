#pragma once
// Changing records in place, beside inserting them: set the value of a key
// (adding the key, and the mappings on the way, when absent), remove a key.
// Only the changed span moves: comments, quoting of other values, key order,
// CRLF and a BOM stay. What cannot be changed without guessing (an alias, an
// anchor, a tag, a block or multi-line scalar, a key given twice) is refused.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "acct/model/result.h"
#include "acct/write/insert.h"
#include "acct/write/tree_change.h"
#include "acct/write/yaml_value.h"

namespace acctool {

// Bytes [offset, offset + length) of the file (its BOM included) become `text`.
struct Splice {
    std::size_t offset = 0;
    std::size_t length = 0;
    std::string text;
};

// Splices and the changes of the tree they stand for.
struct Edit {
    std::vector<Splice> splices;
    std::vector<TreeChange> changes;
    bool empty() const { return splices.empty(); }
};

// Sets the key at the end of `keys` (a path of keys below mapping `map`, as
// {"renewal", "renewed_by"}) to the scalar `value`. An existing value keeps
// its quoting style; a missing key or mapping is added.
Result<Edit> set_value(const EditableFile& f, std::uint32_t map,
                       const std::vector<std::string>& keys, const YamlValue& value);

// Removes the key at the end of `keys`; a nested mapping left empty goes too.
// An empty Edit when the key is not there.
Result<Edit> remove_key(const EditableFile& f, std::uint32_t map,
                        const std::vector<std::string>& keys);

Edit as_edit(Insertion ins);

// `second` made after `first`, as one edit; refused when their spans overlap.
Result<Edit> combine(Edit first, Edit second);

// The text with the edit made.
std::string apply_edit(std::string_view bytes, const Edit& e);

}  // namespace acctool
