#include "acct/write/insert.h"

#include <fmt/format.h>

#include "acct/load/source_text.h"

namespace acctool {

namespace {

constexpr std::size_t npos = std::string_view::npos;

// The body of a file (its BOM left out) and the line ending it uses.
struct Body {
    std::size_t base;
    std::string_view text;
    std::string eol;
};

Body body_of(std::string_view bytes) {
    std::size_t base = bom_length(bytes);
    std::string_view text = bytes.substr(base);
    std::size_t nl = text.find('\n');
    bool crlf = nl != npos && nl > 0 && text[nl - 1] == '\r';
    return Body{base, text, crlf ? "\r\n" : "\n"};
}

std::size_t line_begin(std::string_view t, std::size_t pos) {
    if (pos == 0) return 0;
    std::size_t k = t.rfind('\n', pos - 1);
    return k == npos ? 0 : k + 1;
}

std::size_t line_next(std::string_view t, std::size_t pos) {
    std::size_t k = t.find('\n', pos);
    return k == npos ? t.size() : k + 1;
}

int column(std::string_view t, std::size_t pos) {
    return static_cast<int>(pos - line_begin(t, pos));
}

// Skips an anchor (`&a`) or tag (`!!map`) before a node's own first byte.
std::size_t skip_properties(std::string_view t, std::size_t pos) {
    while (pos < t.size() && (t[pos] == '&' || t[pos] == '!')) {
        pos = t.find_first_of(" \t\r\n", pos);
        if (pos == npos) return t.size();
        pos = t.find_first_not_of(" \t\r\n", pos);
        if (pos == npos) return t.size();
    }
    return pos;
}

bool is_document_marker(std::string_view line) {
    return (line.rfind("---", 0) == 0 || line.rfind("...", 0) == 0) &&
           (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
}

// The end (after its line break) of the last content line of the block that
// starts on the line holding `start` and goes on while `belongs(line,
// indent)`; blank and comment lines neither belong nor end it.
template <class Belongs>
std::size_t block_end(std::string_view t, std::size_t start, Belongs belongs) {
    std::size_t last_end = line_next(t, start);
    for (std::size_t i = last_end; i < t.size();) {
        std::size_t next = line_next(t, i);
        std::string_view line = t.substr(i, next - i);
        std::size_t k = line.find_first_not_of(" \t\r\n");
        if (k != npos && line[k] != '#') {
            std::size_t indent = line.find_first_not_of(' ');
            if (is_document_marker(line) || !belongs(line, static_cast<int>(indent))) break;
            last_end = next;
        }
        i = next;
    }
    return last_end;
}

struct FlowScan {
    std::size_t close = npos;  // the matching `]` or `}`
    std::size_t last = 0;      // the last byte before it that is not blank or comment
};

// From the `[` or `{` at `open` to its partner, past quoted strings and
// comments.
FlowScan scan_flow(std::string_view t, std::size_t open) {
    FlowScan s;
    s.last = open;
    int depth = 0;
    for (std::size_t i = open; i < t.size(); ++i) {
        char c = t[i];
        if (c == '#' && (i == 0 || t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '\n')) {
            i = line_next(t, i) - 1;
            continue;
        }
        if ((c == '"' || c == '\'') && std::string_view("[{,:?").find(t[s.last]) != npos) {
            for (++i; i < t.size(); ++i) {
                if (c == '"' && t[i] == '\\') {
                    ++i;
                } else if (t[i] == c) {
                    if (c == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
                        ++i;
                        continue;
                    }
                    break;
                }
            }
            s.last = i;
            continue;
        }
        if (c == '[' || c == '{') {
            ++depth;
        } else if (c == ']' || c == '}') {
            if (--depth == 0) {
                s.close = i;
                return s;
            }
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            continue;
        }
        s.last = i;
    }
    return s;
}

// `key` exactly as it was first written in `map`.
std::optional<std::uint32_t> key_index(const YamlDocument& doc, const YamlNode& map,
                                       std::string_view key) {
    for (std::size_t i = 0; i + 1 < map.items.size(); i += 2) {
        const YamlNode& k = doc.node(map.items[i]);
        if (k.kind == YamlNode::Kind::scalar && k.value == key) return map.items[i];
    }
    return std::nullopt;
}

bool find_path(const YamlDocument& doc, std::uint32_t from, std::uint32_t target,
               std::vector<TreeStep>& path, int depth = 0) {
    if (from == target) return true;
    const YamlNode& n = doc.node(from);
    if (depth > 64) return false;
    for (std::size_t i = 0; i < n.items.size(); ++i) {
        if (n.kind == YamlNode::Kind::mapping) {
            if (i % 2 == 0) continue;
            const YamlNode& k = doc.node(n.items[i - 1]);
            // Only the first of duplicate keys is reachable by name.
            if (key_index(doc, n, k.value) != n.items[i - 1]) continue;
            path.emplace_back(k.value);
        } else {
            path.emplace_back(i);
        }
        if (find_path(doc, n.items[i], target, path, depth + 1)) return true;
        path.pop_back();
    }
    return false;
}

Result<std::vector<TreeStep>> path_to(const YamlDocument& doc, std::uint32_t target) {
    std::vector<TreeStep> path;
    if (!find_path(doc, doc.root, target, path))
        return Failure{"the place to write is not reachable from the top of the file"};
    return path;
}

Insertion finish(const Body& b, std::size_t offset, std::string text, std::size_t record,
                 std::vector<TreeStep> path, std::string_view key, YamlValue value) {
    // A last line with no line break gets one first.
    if (offset == b.text.size() && !b.text.empty() && b.text.back() != '\n') {
        text.insert(0, b.eol);
        record += b.eol.size();
    }
    return Insertion{b.base + offset, std::move(text),  b.base + offset + record,
                     std::move(path), std::string(key), std::move(value)};
}

// The neighbour's habit: a key it quotes is quoted in the new record too, so
// a file that writes `number: "0002"` gets `number: "0003"`.
YamlValue quoted_like(const YamlDocument& doc, const YamlNode& neighbour, YamlValue item) {
    if (neighbour.kind != YamlNode::Kind::mapping || item.kind != YamlNode::Kind::mapping)
        return item;
    for (std::size_t i = 0; i + 1 < item.items.size(); i += 2) {
        YamlValue& v = item.items[i + 1];
        if (v.kind != YamlNode::Kind::scalar || v.quoted) continue;
        const YamlNode* theirs = map_get(doc, neighbour, item.items[i].value);
        if (theirs && theirs->kind == YamlNode::Kind::scalar && theirs->quoted) v.quoted = true;
    }
    return item;
}

// A list item in block style: `- key: value` lines, or one flow line when
// its neighbour is written that way.
std::string block_item(const YamlValue& item, int dash_col, int key_col, bool flow,
                       const std::string& eol, std::size_t& record) {
    std::string prefix(static_cast<std::size_t>(dash_col), ' ');
    prefix += '-';
    prefix.append(static_cast<std::size_t>(std::max(1, key_col - dash_col - 1)), ' ');
    record = prefix.size() + (flow ? 1 : 0);
    if (flow) return prefix + emit_flow(item) + eol;
    return emit_block_mapping(item, prefix, static_cast<int>(prefix.size()), eol);
}

Result<Insertion> append_block_item(const Body& b, const YamlDocument& doc, std::uint32_t seq,
                                    std::size_t at, const YamlValue& asked) {
    const YamlValue item = quoted_like(doc, doc.node(doc.node(seq).items.back()), asked);
    int dash_col = column(b.text, at);
    std::size_t end = block_end(b.text, at, [&](std::string_view line, int indent) {
        if (indent > dash_col) return true;
        if (indent < dash_col || line[indent] != '-') return false;
        return indent + 1 == static_cast<int>(line.size()) ||
               std::string_view(" \t\r\n").find(line[indent + 1]) != npos;
    });
    const YamlNode& last = doc.node(doc.node(seq).items.back());
    std::size_t last_at = skip_properties(b.text, last.pos);
    bool flow =
        last.kind == YamlNode::Kind::mapping && last_at < b.text.size() && b.text[last_at] == '{';
    int key_col =
        last.kind == YamlNode::Kind::mapping && !flow ? column(b.text, last_at) : dash_col + 2;
    std::size_t record = 0;
    std::string text = block_item(item, dash_col, key_col, flow, b.eol, record);
    auto path = path_to(doc, seq);
    if (!path) return Failure{path.error()};
    return finish(b, end, std::move(text), record, std::move(*path), {}, item);
}

Result<Insertion> append_flow_item(const Body& b, const YamlDocument& doc, std::uint32_t seq,
                                   std::size_t at, const YamlValue& asked) {
    const YamlNode& list = doc.node(seq);
    const YamlValue item =
        list.items.empty() ? asked : quoted_like(doc, doc.node(list.items.back()), asked);
    FlowScan s = scan_flow(b.text, at);
    if (s.close == npos) return Failure{"the list's closing ']' was not found"};
    std::string sep = s.last == at ? "" : b.text[s.last] == ',' ? " " : ", ";
    std::string text = sep + emit_flow(item);
    auto path = path_to(doc, seq);
    if (!path) return Failure{path.error()};
    Insertion ins{b.base + s.last + 1, text, b.base + s.last + 1 + sep.size() + 1,
                  std::move(*path),    {},   item};
    return ins;
}

// `key:` with nothing after it: the list goes on the lines below.
Result<Insertion> fill_empty_key(const Body& b, const YamlDocument& doc, std::uint32_t map,
                                 std::uint32_t key, const YamlNode& value, const YamlValue& item) {
    const YamlNode& k = doc.node(key);
    std::size_t after = k.pos;
    if (b.text.substr(k.pos, k.value.size()) == k.value) after += k.value.size();
    std::size_t colon = b.text.find_first_not_of(" \t", after);
    std::size_t line_end = line_next(b.text, k.pos);
    std::size_t rest = colon == npos ? npos : b.text.find_first_not_of(" \t\r", colon + 1);
    bool nothing_after =
        colon != npos && b.text[colon] == ':' &&
        (rest == npos || rest >= line_end - 1 || b.text[rest] == '#' || b.text[rest] == '\n');
    bool null_below = value.pos >= b.text.size() ||
                      (value.pos >= line_end && column(b.text, value.pos) <= column(b.text, k.pos));
    if (!nothing_after || !null_below)
        return Failure{fmt::format(
            "'{}' holds an explicit null; replace it with an empty list ([]) and try again",
            k.value)};
    int key_col = column(b.text, k.pos);
    std::size_t record = 0;
    std::string text = block_item(item, key_col + 2, key_col + 4, false, b.eol, record);
    auto path = path_to(doc, map);
    if (!path) return Failure{path.error()};
    YamlValue list = YamlValue::sequence().push(item);
    return finish(b, line_end, std::move(text), record, std::move(*path), k.value, std::move(list));
}

Result<Insertion> add_key_at(const Body& b, const YamlDocument& doc, std::uint32_t map,
                             std::string_view key, const YamlValue& value) {
    const YamlNode& m = doc.node(map);
    std::size_t at = skip_properties(b.text, m.pos);
    auto path = path_to(doc, map);
    if (!path) return Failure{path.error()};
    if (at < b.text.size() && b.text[at] == '{') {
        FlowScan s = scan_flow(b.text, at);
        if (s.close == npos) return Failure{"the mapping's closing '}' was not found"};
        std::string sep = s.last == at ? "" : b.text[s.last] == ',' ? " " : ", ";
        std::string text = fmt::format("{}{}: {}", sep, key, emit_flow(value));
        std::size_t record = sep.size();
        // A new list: the record is its first item (`key: [{`).
        if (value.kind == YamlNode::Kind::sequence) record += key.size() + 4;
        return Insertion{b.base + s.last + 1, text, b.base + s.last + 1 + record, std::move(*path),
                         std::string(key),    value};
    }
    int key_col = column(b.text, at);
    std::size_t end =
        map == doc.root ? b.text.size() : block_end(b.text, at, [&](std::string_view, int indent) {
            return indent >= key_col;
        });
    std::string pad(static_cast<std::size_t>(key_col), ' ');
    std::string text;
    std::size_t record = static_cast<std::size_t>(key_col);
    if (value.kind == YamlNode::Kind::sequence && !value.items.empty()) {
        // A new list: the record is its first item.
        text = fmt::format("{}{}:{}", pad, key, b.eol);
        std::size_t item_record = 0;
        std::string first =
            block_item(value.items.front(), key_col + 2, key_col + 4, false, b.eol, item_record);
        record = text.size() + item_record;
        text += first;
        for (std::size_t i = 1; i < value.items.size(); ++i)
            text += block_item(value.items[i], key_col + 2, key_col + 4, false, b.eol, item_record);
    } else {
        YamlValue one = YamlValue::mapping().add(key, value);
        text = emit_block_mapping(one, pad, key_col, b.eol);
    }
    return finish(b, end, std::move(text), record, std::move(*path), key, value);
}

YamlValue* step(YamlValue& v, const TreeStep& s) {
    if (const auto* key = std::get_if<std::string>(&s)) {
        if (v.kind != YamlNode::Kind::mapping) return nullptr;
        for (std::size_t i = 0; i + 1 < v.items.size(); i += 2)
            if (v.items[i].kind == YamlNode::Kind::scalar && v.items[i].value == *key)
                return &v.items[i + 1];
        return nullptr;
    }
    std::size_t i = std::get<std::size_t>(s);
    if (v.kind != YamlNode::Kind::sequence || i >= v.items.size()) return nullptr;
    return &v.items[i];
}

}  // namespace

const YamlNode* map_get(const YamlDocument& doc, const YamlNode& map, std::string_view key) {
    if (map.kind != YamlNode::Kind::mapping) return nullptr;
    auto k = key_index(doc, map, key);
    if (!k) return nullptr;
    for (std::size_t i = 0; i + 1 < map.items.size(); i += 2)
        if (map.items[i] == *k) return &doc.node(map.items[i + 1]);
    return nullptr;
}

Result<Insertion> append_to_list(const EditableFile& f, std::uint32_t map, std::string_view key,
                                 const YamlValue& item) {
    Body b = body_of(f.bytes);
    const YamlNode& m = f.doc.node(map);
    const YamlNode* value = map_get(f.doc, m, key);
    if (!value) return add_key_at(b, f.doc, map, key, YamlValue::sequence().push(item));
    if (value->kind == YamlNode::Kind::null)
        return fill_empty_key(b, f.doc, map, *key_index(f.doc, m, key), *value, item);
    if (value->kind != YamlNode::Kind::sequence)
        return Failure{fmt::format("'{}' is {}, not a list", key, describe(*value))};
    std::uint32_t seq = f.doc.index_of(value);
    std::size_t at = skip_properties(b.text, value->pos);
    if (at < b.text.size() && b.text[at] == '[') return append_flow_item(b, f.doc, seq, at, item);
    if (value->items.empty()) return Failure{fmt::format("'{}' is an empty list", key)};
    return append_block_item(b, f.doc, seq, at, item);
}

Result<Insertion> append_to_section(const EditableFile& f, std::string_view section,
                                    const YamlValue& item) {
    Body b = body_of(f.bytes);
    if (f.doc.empty || f.doc.node(f.doc.root).kind == YamlNode::Kind::null) {
        std::size_t record = 0;
        std::string text = fmt::format("{}:{}", section, b.eol);
        text += block_item(item, 2, 4, false, b.eol, record);
        record += section.size() + 1 + b.eol.size();
        YamlValue list = YamlValue::sequence().push(item);
        return finish(b, b.text.size(), std::move(text), record, {}, section, std::move(list));
    }
    if (f.doc.node(f.doc.root).kind != YamlNode::Kind::mapping)
        return Failure{"the file is not a mapping of sections"};
    return append_to_list(f, f.doc.root, section, item);
}

Result<Insertion> add_key(const EditableFile& f, std::uint32_t map, std::string_view key,
                          const YamlValue& value) {
    if (map_get(f.doc, f.doc.node(map), key))
        return Failure{fmt::format("the record already has '{}'", key)};
    return add_key_at(body_of(f.bytes), f.doc, map, key, value);
}

std::string apply_insertion(std::string_view bytes, const Insertion& ins) {
    std::string out;
    out.reserve(bytes.size() + ins.text.size());
    out.append(bytes.substr(0, ins.offset));
    out.append(ins.text);
    out.append(bytes.substr(ins.offset));
    return out;
}

bool has_only_the_change(const YamlDocument& old_doc, const YamlDocument& new_doc,
                         const Insertion& ins) {
    auto root_of = [](const YamlDocument& d) {
        return d.empty ? YamlValue{} : to_value(d, d.root);
    };
    YamlValue expected = root_of(old_doc);
    if (expected.kind == YamlNode::Kind::null && ins.path.empty() && !ins.key.empty())
        expected = YamlValue::mapping();
    YamlValue* at = &expected;
    for (const auto& s : ins.path)
        if (!(at = step(*at, s))) return false;
    if (ins.key.empty()) {
        if (at->kind != YamlNode::Kind::sequence) return false;
        at->items.push_back(ins.value);
    } else if (YamlValue* existing = step(*at, ins.key)) {
        // Only an empty `key:` may be filled.
        if (existing->kind != YamlNode::Kind::null) return false;
        *existing = ins.value;
    } else {
        if (at->kind != YamlNode::Kind::mapping) return false;
        at->add(ins.key, ins.value);
    }
    return expected == root_of(new_doc);
}

}  // namespace acctool
