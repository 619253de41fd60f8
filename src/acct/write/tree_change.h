#pragma once
// The proof every write makes before it touches a file: the file's new tree
// must equal its old tree with exactly the planned changes, nothing more.
// Insertions and in-place edits describe what they do as TreeChanges.
#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "acct/load/yaml_tree.h"
#include "acct/write/yaml_value.h"

namespace acctool {

// A step from a mapping to a key's value, or from a list to an item.
using TreeStep = std::variant<std::string, std::size_t>;

struct TreeChange {
    enum class Kind {
        append,   // `value` goes at the end of the list at `path`
        insert,   // `value` goes into the list at `path` as item `index`
        add,      // `key: value` goes into the mapping at `path` as its entry `index`
                  // (at the end when past it); an empty `key:` is filled
        replace,  // the value of `key`, present in the mapping at `path`, becomes `value`
        remove,   // `key` leaves the mapping at `path`
    };
    Kind kind = Kind::append;
    std::vector<TreeStep> path;
    std::string key;
    std::size_t index = static_cast<std::size_t>(-1);
    YamlValue value;
};

// `root` with the change made; false when the change does not fit it.
bool apply_change(YamlValue& root, const TreeChange& c);

// Whether `new_doc` is `old_doc` with exactly `changes`, made in order.
bool has_only_the_changes(const YamlDocument& old_doc, const YamlDocument& new_doc,
                          const std::vector<TreeChange>& changes);

}  // namespace acctool
