#pragma once
// YAML text -> a small tree of nodes with byte offsets, built from yaml-cpp's
// event stream so that acct, not yaml-cpp, decides what is acceptable:
// duplicate keys stay visible, a second document, an unclosed quote, an alias
// cycle, deep nesting and alias bombs are errors with a position.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace acctool {

struct YamlNode {
    enum class Kind : std::uint8_t { null, scalar, sequence, mapping };
    Kind kind = Kind::null;
    bool quoted = false;  // a quoted or block scalar: never null, never a number
    std::uint32_t pos = 0;
    std::string value;                 // scalars
    std::vector<std::uint32_t> items;  // sequence items; mapping key, value, key, value...
};

struct YamlDocument {
    std::vector<YamlNode> nodes;
    std::uint32_t root = 0;
    bool empty = true;  // no document, or one holding nothing

    const YamlNode& node(std::uint32_t i) const { return nodes[i]; }
    std::uint32_t index_of(const YamlNode* n) const {
        return static_cast<std::uint32_t>(n - nodes.data());
    }
};

struct YamlError {
    std::uint32_t pos = 0;
    std::string message;
};

struct YamlLimits {
    int max_depth = 64;
    std::uint64_t max_alias_expansion = 100000;
    // A file of 16 MiB can hold 8 million `1,`: without this bound it would
    // take gigabytes.
    std::size_t max_nodes = 1000000;
};

struct YamlParse {
    std::optional<YamlDocument> document;
    YamlError error;  // when there is no document
};

// `text` has no BOM. Never throws.
YamlParse parse_yaml(std::string_view text, const YamlLimits& limits = {});

std::string_view describe(const YamlNode& n);  // "a mapping", "a list", "text", "nothing"

}  // namespace acctool
