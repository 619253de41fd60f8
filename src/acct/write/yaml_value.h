#pragma once
// A YAML value as acct writes it, and as a file's tree reads back: the
// writer emits it into a file's style, then compares the file's new tree
// with the old one plus this value to prove the edit touched nothing else.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "acct/load/yaml_tree.h"

namespace acctool {

struct YamlValue {
    YamlNode::Kind kind = YamlNode::Kind::null;
    bool quoted = false;
    std::string value;             // scalars
    std::vector<YamlValue> items;  // sequence items; mapping key, value, key, value...

    // User text: plain when that reads back the same, else double-quoted.
    static YamlValue text(std::string_view s);
    // A date, number, period or enum word acct has checked: always plain.
    static YamlValue word(std::string_view s);
    static YamlValue mapping() { return YamlValue{YamlNode::Kind::mapping, false, {}, {}}; }
    static YamlValue sequence() { return YamlValue{YamlNode::Kind::sequence, false, {}, {}}; }

    YamlValue& add(std::string_view key, YamlValue v);  // mapping; returns *this
    YamlValue& push(YamlValue v);                       // sequence; returns *this
    bool operator==(const YamlValue&) const = default;
};

// The tree below `node`, aliases expanded (the reader bounds their size).
YamlValue to_value(const YamlDocument& doc, std::uint32_t node);

// `v` in flow style on one line: `{date: 2026-11-27, kind: call}`.
std::string emit_flow(const YamlValue& v);

// The entries of mapping `v` as block lines, each ending in `eol`. The first
// line starts with `first_prefix` (e.g. "  - "); the others with `indent`
// spaces. Nested mappings and lists of scalars are written in flow style;
// lists of mappings as block items two columns further in.
std::string emit_block_mapping(const YamlValue& v, std::string_view first_prefix, int indent,
                               std::string_view eol);

}  // namespace acctool
