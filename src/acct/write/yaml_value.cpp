#include "acct/write/yaml_value.h"

#include <algorithm>

#include <fmt/format.h>

#include "acct/model/utf8.h"

namespace acctool {

namespace {

bool is_null_or_bool_word(std::string_view s) {
    static constexpr std::string_view words[] = {
        "~",   "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
        "yes", "Yes",  "YES",  "no",   "No",   "NO",   "on",   "On",    "ON",    "off",
        "Off", "OFF",  "y",    "Y",    "n",    "N",    "<<",   "="};
    for (auto w : words)
        if (s == w) return true;
    return false;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Whether a YAML 1.1 or 1.2 reader could resolve the plain scalar to a
// number or a timestamp: ints in any base (0x1F, 0o7, 0b1, 0003, 1_000,
// 1:20), floats (1e3, .5, +1., .inf, .NaN) and dates. Erring towards
// quoting costs two quotes; erring the other way changes the data.
bool reads_as_number_or_date(std::string_view s) {
    std::string_view t = s;
    if (!t.empty() && (t.front() == '+' || t.front() == '-')) t.remove_prefix(1);
    for (std::string_view w : {".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"})
        if (t == w) return true;
    if (t.empty()) return false;
    if (!is_digit(t.front()) && !(t.front() == '.' && t.size() > 1 && is_digit(t[1]))) return false;
    // A 1.1 timestamp: YYYY-M-D, then anything.
    if (t.size() >= 8 && is_digit(t[1]) && is_digit(t[2]) && is_digit(t[3]) && t[4] == '-')
        return true;
    return t.find_first_not_of("0123456789abcdefABCDEFxXoO_.:+-") == std::string_view::npos;
}

// The code points a YAML reader wants escaped even in double quotes, or
// that other readers refuse raw: C0 and C1 controls but tab and line feed,
// DEL, the line separators, the BOM, and the Unicode non-characters.
bool needs_escape(std::int32_t cp) {
    return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0xfeff || (cp >= 0xfdd0 && cp <= 0xfdef) ||
           (cp & 0xfffe) == 0xfffe;
}

// Plain in both block and flow context, and read back as the same string by
// any YAML 1.1 or 1.2 reader.
bool plain_is_safe(std::string_view s) {
    if (s.empty() || is_null_or_bool_word(s) || reads_as_number_or_date(s)) return false;
    if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string_view::npos)
        return false;
    if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}') return false;
        // In a flow collection some readers take `?` for a key indicator.
        if (c == '?') return false;
        if (c == ':' && (i + 1 == s.size() || s[i + 1] == ' ')) return false;
        if (c == '#' && i > 0 && s[i - 1] == ' ') return false;
        if (c == '\t') return false;
        std::int32_t cp = decode_utf8(s, i);
        if (cp < 0 || needs_escape(cp)) return false;
    }
    return true;
}

std::string double_quoted(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        std::size_t start = i;
        std::int32_t cp = decode_utf8(s, i);
        switch (cp) {
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
            case 0x2028:
                out += "\\L";
                break;
            case 0x2029:
                out += "\\P";
                break;
            default:
                if (cp < 0)  // not UTF-8: the callers have refused it already
                    out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[start]));
                else if (cp <= 0xff && needs_escape(cp))
                    out += fmt::format("\\x{:02x}", cp);
                else if (cp <= 0xffff && needs_escape(cp))
                    out += fmt::format("\\u{:04X}", cp);
                else if (needs_escape(cp))
                    out += fmt::format("\\U{:08X}", cp);
                else
                    out.append(s.substr(start, i - start));
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
