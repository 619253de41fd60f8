#include "acct/write/yaml_value.h"

#include <algorithm>

#include <fmt/format.h>

namespace acctool {

namespace {

bool is_null_or_bool_word(std::string_view s) {
    static constexpr std::string_view words[] = {
        "~",     "null", "Null", "NULL", "true", "True", "TRUE", "false", "False",
        "FALSE", "yes",  "Yes",  "YES",  "no",   "No",   "NO",   "on",    "On",
        "ON",    "off",  "Off",  "OFF",  "y",    "Y",    "n",    "N"};
    for (auto w : words)
        if (s == w) return true;
    return false;
}

// Plain in both block and flow context, and read back as the same string.
bool plain_is_safe(std::string_view s) {
    if (s.empty() || is_null_or_bool_word(s)) return false;
    if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string_view::npos)
        return false;
    if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7f) return false;
        if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}') return false;
        if (c == ':' && (i + 1 == s.size() || s[i + 1] == ' ')) return false;
        if (c == '#' && i > 0 && s[i - 1] == ' ') return false;
        // C1 controls, U+2028, U+2029 and U+FEFF are line breaks or invisible
        // to a YAML reader: quote and escape them.
        if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xa0)
            return false;
        if (c == 0xe2 && s.substr(i, 3) >= "\xe2\x80\xa8" && s.substr(i, 3) <= "\xe2\x80\xa9")
            return false;
        if (c == 0xef && s.substr(i, 3) == "\xef\xbb\xbf") return false;
    }
    return true;
}

std::string double_quoted(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    out += fmt::format("\\x{:02x}", c);
                } else if (c == 0xc2 && i + 1 < s.size() &&
                           static_cast<unsigned char>(s[i + 1]) < 0xa0) {
                    out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[++i]));
                } else if (c == 0xe2 &&
                           (s.substr(i, 3) == "\xe2\x80\xa8" || s.substr(i, 3) == "\xe2\x80\xa9")) {
                    out += s[i + 2] == '\xa8' ? "\\L" : "\\P";
                    i += 2;
                } else if (c == 0xef && s.substr(i, 3) == "\xef\xbb\xbf") {
                    out += "\\uFEFF";
                    i += 2;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

std::string emit_scalar(const YamlValue& v) {
    if (v.kind == YamlNode::Kind::null) return "~";
    return v.quoted ? double_quoted(v.value) : v.value;
}

}  // namespace

YamlValue YamlValue::text(std::string_view s) {
    return YamlValue{YamlNode::Kind::scalar, !plain_is_safe(s), std::string(s), {}};
}

YamlValue YamlValue::word(std::string_view s) {
    return YamlValue{YamlNode::Kind::scalar, false, std::string(s), {}};
}

YamlValue& YamlValue::add(std::string_view key, YamlValue v) {
    items.push_back(word(key));
    items.push_back(std::move(v));
    return *this;
}

YamlValue& YamlValue::push(YamlValue v) {
    items.push_back(std::move(v));
    return *this;
}

YamlValue to_value(const YamlDocument& doc, std::uint32_t node) {
    const YamlNode& n = doc.node(node);
    YamlValue v{n.kind, n.quoted, n.value, {}};
    v.items.reserve(n.items.size());
    for (std::uint32_t child : n.items)
        v.items.push_back(to_value(doc, child));
    return v;
}

std::string emit_flow(const YamlValue& v) {
    switch (v.kind) {
        case YamlNode::Kind::null:
        case YamlNode::Kind::scalar:
            return emit_scalar(v);
        case YamlNode::Kind::sequence: {
            std::vector<std::string> parts;
            for (const auto& item : v.items)
                parts.push_back(emit_flow(item));
            return fmt::format("[{}]", fmt::join(parts, ", "));
        }
        case YamlNode::Kind::mapping: {
            std::vector<std::string> parts;
            for (std::size_t i = 0; i + 1 < v.items.size(); i += 2)
                parts.push_back(
                    fmt::format("{}: {}", emit_flow(v.items[i]), emit_flow(v.items[i + 1])));
            return fmt::format("{{{}}}", fmt::join(parts, ", "));
        }
    }
    return {};
}

std::string emit_block_mapping(const YamlValue& v, std::string_view first_prefix, int indent,
                               std::string_view eol) {
    std::string out;
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    for (std::size_t i = 0; i + 1 < v.items.size(); i += 2) {
        out += i == 0 ? std::string(first_prefix) : pad;
        out += emit_flow(v.items[i]);
        const YamlValue& value = v.items[i + 1];
        bool of_scalars =
            std::all_of(value.items.begin(), value.items.end(),
                        [](const YamlValue& x) { return x.kind == YamlNode::Kind::scalar; });
        if (value.kind == YamlNode::Kind::sequence && !value.items.empty() && !of_scalars) {
            out += fmt::format(":{}", eol);
            for (const auto& item : value.items)
                out += fmt::format("{}  - {}{}", pad, emit_flow(item), eol);
        } else {
            out += fmt::format(": {}{}", emit_flow(value), eol);
        }
    }
    return out;
}

}  // namespace acctool
