#include "acct/write/insert.h"

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/write/yaml_text.h"

namespace acctool {

namespace {

constexpr std::size_t npos = text_npos;

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

// The item goes after item `after` of the block list `seq` that starts at
// `at`, written like that item.
Result<Insertion> append_block_item(const Body& b, const YamlDocument& doc, std::uint32_t seq,
                                    std::size_t at, std::size_t after, const YamlValue& asked) {
    int dash_col = column(b.text, at);
    const auto& items = doc.node(seq).items;
    const bool last_item = after + 1 == items.size();
    const YamlNode& prev = doc.node(items[after]);
    const YamlValue item = quoted_like(doc, prev, asked);
    std::size_t prev_at = skip_properties(b.text, prev.pos);
    std::size_t end =
        block_end(b.text, last_item ? at : prev_at, [&](std::string_view line, int indent) {
            if (indent > dash_col) return true;
            if (!last_item || indent < dash_col || line[indent] != '-') return false;
            return indent + 1 == static_cast<int>(line.size()) ||
                   std::string_view(" \t\r\n").find(line[indent + 1]) != npos;
        });
    bool flow =
        prev.kind == YamlNode::Kind::mapping && prev_at < b.text.size() && b.text[prev_at] == '{';
    int key_col =
        prev.kind == YamlNode::Kind::mapping && !flow ? column(b.text, prev_at) : dash_col + 2;
    std::size_t record = 0;
    std::string text = block_item(item, dash_col, key_col, flow, b.eol, record);
    auto path = path_to(doc, seq);
    if (!path) return Failure{path.error()};
    Insertion ins = finish(b, end, std::move(text), record, std::move(*path), {}, item);
    if (!last_item) ins.index = after + 1;
    return ins;
}

Result<Insertion> append_flow_item(const Body& b, const YamlDocument& doc, std::uint32_t seq,
                                   std::size_t at, const YamlValue& asked) {
    const YamlNode& list = doc.node(seq);
    const YamlValue item =
        list.items.empty() ? asked : quoted_like(doc, doc.node(list.items.back()), asked);
    FlowScan s = scan_flow(b.text, at);
    if (s.close == npos) return Failure{tr("the list's closing ']' was not found")};
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
        return Failure{
            trf("'{}' holds an explicit null; replace it with an empty list ([]) and try again",
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
        if (s.close == npos) return Failure{tr("the mapping's closing '}' was not found")};
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

}  // namespace

Result<std::vector<TreeStep>> path_to(const YamlDocument& doc, std::uint32_t target) {
    std::vector<TreeStep> path;
    if (!find_path(doc, doc.root, target, path))
        return Failure{tr("the place to write is not reachable from the top of the file")};
    return path;
}

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
        return Failure{trf("'{}' is {}, not a list", key, describe(*value))};
    std::uint32_t seq = f.doc.index_of(value);
    std::size_t at = skip_properties(b.text, value->pos);
    if (at < b.text.size() && b.text[at] == '[') return append_flow_item(b, f.doc, seq, at, item);
    if (value->items.empty()) return Failure{trf("'{}' is an empty list", key)};
    return append_block_item(b, f.doc, seq, at, value->items.size() - 1, item);
}

Result<Insertion> insert_after_item(const EditableFile& f, std::uint32_t seq, std::size_t after,
                                    const YamlValue& item) {
    Body b = body_of(f.bytes);
    const YamlNode& list = f.doc.node(seq);
    if (list.kind != YamlNode::Kind::sequence || after >= list.items.size())
        return Failure{tr("the list has no such item")};
    std::size_t at = skip_properties(b.text, list.pos);
    if (at >= b.text.size() || b.text[at] != '[')
        return append_block_item(b, f.doc, seq, at, after, item);
    if (after + 1 == list.items.size()) return append_flow_item(b, f.doc, seq, at, item);
    // In a flow list the new item goes before the next one.
    const YamlNode& next = f.doc.node(list.items[after + 1]);
    const YamlValue quoted = quoted_like(f.doc, f.doc.node(list.items[after]), item);
    auto path = path_to(f.doc, seq);
    if (!path) return Failure{path.error()};
    Insertion ins{b.base + next.pos,
                  emit_flow(quoted) + ", ",
                  b.base + next.pos + 1,
                  std::move(*path),
                  {},
                  quoted};
    ins.index = after + 1;
    return ins;
}

bool holds_sections(const YamlDocument& doc) {
    return doc.empty || doc.node(doc.root).kind == YamlNode::Kind::null ||
           doc.node(doc.root).kind == YamlNode::Kind::mapping;
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
    if (!holds_sections(f.doc)) return Failure{tr("the file is not a mapping of sections")};
    return append_to_list(f, f.doc.root, section, item);
}

Result<Insertion> add_key(const EditableFile& f, std::uint32_t map, std::string_view key,
                          const YamlValue& value) {
    if (map_get(f.doc, f.doc.node(map), key))
        return Failure{trf("the record already has '{}'", key)};
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

TreeChange tree_change(const Insertion& ins) {
    using Kind = TreeChange::Kind;
    Kind kind = !ins.key.empty()                     ? Kind::add
                : ins.index == Insertion::npos_index ? Kind::append
                                                     : Kind::insert;
    return TreeChange{kind, ins.path, ins.key, ins.index, ins.value};
}

bool has_only_the_change(const YamlDocument& old_doc, const YamlDocument& new_doc,
                         const Insertion& ins) {
    return has_only_the_changes(old_doc, new_doc, {tree_change(ins)});
}

}  // namespace acctool
