#include "acct/write/tree_change.h"

#include <optional>
#include <string_view>

namespace acctool {

namespace {

// The index in `v.items` of the value of `key` (the first of duplicates).
std::optional<std::size_t> value_index(const YamlValue& v, std::string_view key) {
    if (v.kind != YamlNode::Kind::mapping) return std::nullopt;
    for (std::size_t i = 0; i + 1 < v.items.size(); i += 2)
        if (v.items[i].kind == YamlNode::Kind::scalar && v.items[i].value == key) return i + 1;
    return std::nullopt;
}

YamlValue* step(YamlValue& v, const TreeStep& s) {
    if (const auto* key = std::get_if<std::string>(&s)) {
        auto i = value_index(v, *key);
        return i ? &v.items[*i] : nullptr;
    }
    std::size_t i = std::get<std::size_t>(s);
    if (v.kind != YamlNode::Kind::sequence || i >= v.items.size()) return nullptr;
    return &v.items[i];
}

YamlValue root_of(const YamlDocument& d) {
    return d.empty ? YamlValue{} : to_value(d, d.root);
}

}  // namespace

bool apply_change(YamlValue& root, const TreeChange& c) {
    using Kind = TreeChange::Kind;
    // A new section of an empty file makes the file a mapping.
    if (root.kind == YamlNode::Kind::null && c.path.empty() && c.kind == Kind::add)
        root = YamlValue::mapping();
    YamlValue* at = &root;
    for (const auto& s : c.path)
        if (!(at = step(*at, s))) return false;
    switch (c.kind) {
        case Kind::append:
            if (at->kind != YamlNode::Kind::sequence) return false;
            at->items.push_back(c.value);
            return true;
        case Kind::insert:
            if (at->kind != YamlNode::Kind::sequence || c.index > at->items.size()) return false;
            at->items.insert(at->items.begin() + static_cast<std::ptrdiff_t>(c.index), c.value);
            return true;
        case Kind::add:
            if (at->kind != YamlNode::Kind::mapping) return false;
            if (auto i = value_index(*at, c.key)) {
                // Only an empty `key:` may be filled.
                if (at->items[*i].kind != YamlNode::Kind::null) return false;
                at->items[*i] = c.value;
            } else if (c.index < at->items.size() / 2) {
                auto place = at->items.begin() + static_cast<std::ptrdiff_t>(2 * c.index);
                place = at->items.insert(place, c.value);
                at->items.insert(place, YamlValue::word(c.key));
            } else {
                at->add(c.key, c.value);
            }
            return true;
        case Kind::replace:
            if (auto i = value_index(*at, c.key)) {
                at->items[*i] = c.value;
                return true;
            }
            return false;
        case Kind::remove:
            if (auto i = value_index(*at, c.key)) {
                auto first = at->items.begin() + static_cast<std::ptrdiff_t>(*i - 1);
                at->items.erase(first, first + 2);
                return true;
            }
            return false;
    }
    return false;
}

bool has_only_the_changes(const YamlDocument& old_doc, const YamlDocument& new_doc,
                          const std::vector<TreeChange>& changes) {
    YamlValue expected = root_of(old_doc);
    for (const auto& c : changes)
        if (!apply_change(expected, c)) return false;
    return expected == root_of(new_doc);
}

}  // namespace acctool
