#include "acct/write/edit.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/load/source_text.h"
#include "acct/write/yaml_text.h"

namespace acctool {

namespace {

constexpr std::size_t npos = text_npos;

// The file as the editor reads it, and where a refusal points.
struct Ctx {
    const EditableFile& f;
    Body b;
    SourceText text;

    Ctx(const EditableFile& file)
        : f(file), b(body_of(file.bytes)), text("", std::string(file.bytes)) {}

    const YamlDocument& doc() const { return f.doc; }
    const YamlNode& node(std::uint32_t i) const { return f.doc.node(i); }

    Failure refuse(std::size_t pos, std::string message) const {
        SourceLocation at = text.locate(static_cast<std::uint32_t>(pos));
        return Failure{fmt::format("{}:{}: {}", at.line, at.column, message)};
    }
};

// How many places hold node `i`: more than one when an alias repeats it.
int uses(const YamlDocument& doc, std::uint32_t i) {
    int n = doc.root == i ? 1 : 0;
    for (const auto& node : doc.nodes)
        n += static_cast<int>(std::count(node.items.begin(), node.items.end(), i));
    return n;
}

// The end of a quoted scalar that opens at `pos`, after its closing quote.
std::size_t quoted_end(std::string_view t, std::size_t pos) {
    char q = t[pos];
    for (std::size_t i = pos + 1; i < t.size(); ++i) {
        if (q == '"' && t[i] == '\\') {
            ++i;
        } else if (t[i] == q) {
            if (q == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
                ++i;
                continue;
            }
            return i + 1;
        }
    }
    return npos;
}

// The span a single-line scalar takes in the text, or npos as its end when it
// is not one (a block scalar, a plain scalar folded over lines, ...).
struct Span {
    std::size_t begin = 0, end = npos;
};

Span scalar_span(std::string_view t, const YamlNode& n) {
    Span s{n.pos, npos};
    if (n.pos >= t.size()) return s;
    char c = t[n.pos];
    if (c == '"' || c == '\'') {
        std::size_t end = quoted_end(t, n.pos);
        if (end != npos && t.substr(n.pos, end - n.pos).find('\n') == npos) s.end = end;
    } else if (c != '|' && c != '>' && t.substr(n.pos, n.value.size()) == n.value) {
        s.end = n.pos + n.value.size();
    }
    return s;
}

struct Entry {
    std::uint32_t key;
    std::uint32_t value;
    std::size_t pair;  // the entry's place in the mapping
};

// Finds `key` in mapping `map` and refuses what acct must not guess about.
// nullopt: the key is absent.
Result<std::optional<Entry>> find_entry(const Ctx& c, std::uint32_t map, std::string_view key) {
    const YamlNode& m = c.node(map);
    std::optional<Entry> found;
    for (std::size_t i = 0; i + 1 < m.items.size(); i += 2) {
        const YamlNode& k = c.node(m.items[i]);
        if (k.kind != YamlNode::Kind::scalar || k.value != key) continue;
        if (found)
            return c.refuse(k.pos, trf("'{}' is given twice in this mapping; remove one "
                                       "by hand, then try again",
                                       key));
        found = Entry{m.items[i], m.items[i + 1], i / 2};
    }
    if (!found) return std::optional<Entry>{};
    const YamlNode& k = c.node(found->key);
    std::string_view t = c.b.text;
    // What follows `key:` says what the value is written as.
    std::size_t after = k.pos;
    if (after < t.size() && (t[after] == '"' || t[after] == '\''))
        after = quoted_end(t, after);
    else if (t.substr(k.pos, k.value.size()) == k.value)
        after += k.value.size();
    std::size_t colon = after == npos ? npos : t.find_first_not_of(" \t", after);
    if (colon == npos || t[colon] != ':')
        return c.refuse(k.pos, trf("'{}' is not written as 'key: value'; change it by hand", key));
    std::size_t v = t.find_first_not_of(" \t", colon + 1);
    char first = v == npos ? '\n' : t[v];
    if (first == '*')
        return c.refuse(v, trf("'{}' is an alias of a value written elsewhere; acct "
                               "does not edit through aliases, change it by hand",
                               key));
    if (first == '&' || uses(c.doc(), found->value) > 1)
        return c.refuse(v, trf("'{}' carries an anchor that other places may repeat; "
                               "change it by hand",
                               key));
    if (first == '!') return c.refuse(v, trf("'{}' carries a tag; change it by hand", key));
    if (first == '|' || first == '>')
        return c.refuse(v, trf("'{}' is a block scalar ({}); change it by hand", key, first));
    return found;
}

// Refuses a mapping that an alias repeats: a change would show in two places.
std::optional<Failure> shared(const Ctx& c, std::uint32_t map) {
    if (uses(c.doc(), map) > 1)
        return c.refuse(
            c.node(map).pos,
            tr("this record is repeated elsewhere through an alias; change it by hand"));
    std::size_t at = c.node(map).pos;
    if (at < c.b.text.size() && (c.b.text[at] == '&' || c.b.text[at] == '!'))
        return c.refuse(at, tr("this record carries an anchor or a tag; change it by hand"));
    return std::nullopt;
}

// `value` in the quoting style of `old`: a single-quoted value stays single-
// quoted, a double-quoted one double-quoted. The second is what it reads as.
std::pair<std::string, YamlValue> styled(std::string_view t, const YamlNode& old,
                                         const YamlValue& value) {
    char q = old.kind == YamlNode::Kind::scalar && old.pos < t.size() ? t[old.pos] : ' ';
    YamlValue v = value;
    if (q == '\'' && std::none_of(v.value.begin(), v.value.end(), [](char ch) {
            return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f;
        })) {
        std::string out = "'";
        for (char ch : v.value)
            out += ch == '\'' ? std::string("''") : std::string(1, ch);
        v.quoted = true;
        return {out + "'", v};
    }
    if (q == '"' || q == '\'') v.quoted = true;
    return {emit_flow(v), v};
}

// Wraps `value` in the mappings named by keys[from + 1 ...].
YamlValue nest(const std::vector<std::string>& keys, std::size_t from, const YamlValue& value) {
    YamlValue v = value;
    for (std::size_t i = keys.size() - 1; i > from; --i)
        v = YamlValue::mapping().add(keys[i], std::move(v));
    return v;
}

Result<Edit> from_insertion(const Ctx& c, std::uint32_t map, Result<Insertion> ins) {
    if (!ins) return c.refuse(c.node(map).pos, ins.error());
    return as_edit(std::move(ins.value()));
}

// A key added to a whole client file written in block style goes after the
// last client field, before the sections, rather than at the end of the file.
std::optional<Result<Edit>> add_to_root(const Ctx& c, std::string_view key,
                                        const YamlValue& value) {
    static constexpr std::string_view sections[] = {
        "contracts", "invoices", "interactions", "tasks", "requests", "changes", "metrics"};
    const YamlNode& root = c.node(c.doc().root);
    std::size_t at = skip_properties(c.b.text, root.pos);
    if (at >= c.b.text.size() || c.b.text[at] == '{') return std::nullopt;
    std::optional<std::size_t> last;
    for (std::size_t i = 0; i + 1 < root.items.size(); i += 2) {
        const YamlNode& k = c.node(root.items[i]);
        if (std::find(std::begin(sections), std::end(sections), k.value) == std::end(sections))
            last = i;
        else
            break;
    }
    if (!last || *last + 2 == root.items.size()) return std::nullopt;
    std::size_t kpos = c.node(root.items[*last]).pos;
    if (column(c.b.text, kpos) != 0) return std::nullopt;
    std::size_t end =
        block_end(c.b.text, kpos, [](std::string_view, int indent) { return indent > 0; });
    YamlValue one = YamlValue::mapping().add(key, value);
    std::string text = emit_block_mapping(one, "", 0, c.b.eol);
    if (end == c.b.text.size() && !c.b.text.empty() && c.b.text.back() != '\n')
        text.insert(0, c.b.eol);
    Edit e;
    e.splices.push_back(Splice{c.b.base + end, 0, std::move(text)});
    e.changes.push_back(
        TreeChange{TreeChange::Kind::add, {}, std::string(key), *last / 2 + 1, value});
    return e;
}

// The end of a value written in flow context (after its last byte).
std::size_t flow_value_end(const Ctx& c, const YamlNode& n) {
    std::size_t at = skip_properties(c.b.text, n.pos);
    if (n.kind == YamlNode::Kind::mapping || n.kind == YamlNode::Kind::sequence) {
        FlowScan s = scan_flow(c.b.text, at);
        return s.close == npos ? npos : s.close + 1;
    }
    return scalar_span(c.b.text, n).end;
}

// The bytes that hold entry `e` of mapping `map`, so that taking them out
// leaves the other entries as they were.
Result<Splice> entry_span(const Ctx& c, std::uint32_t map, const Entry& e) {
    std::string_view t = c.b.text;
    const YamlNode& m = c.node(map);
    const YamlNode& k = c.node(e.key);
    std::size_t at = skip_properties(t, m.pos);
    if (at < t.size() && t[at] == '{') {
        std::size_t pairs = m.items.size() / 2;
        if (e.pair + 1 < pairs)  // up to the next key, with the comma between
            return Splice{c.b.base + k.pos, c.node(m.items[2 * e.pair + 2]).pos - k.pos, {}};
        std::size_t end = flow_value_end(c, c.node(e.value));
        if (end == npos) return c.refuse(k.pos, tr("cannot find where this value ends"));
        std::size_t begin = k.pos;
        if (e.pair > 0) {  // from the end of the entry before it
            begin = flow_value_end(c, c.node(m.items[2 * e.pair - 1]));
            if (begin == npos)
                return c.refuse(k.pos, tr("cannot find where the value before ends"));
        }
        return Splice{c.b.base + begin, end - begin, {}};
    }
    std::size_t line = line_begin(t, k.pos);
    if (t.substr(line, k.pos - line).find_first_not_of(' ') != npos)
        return c.refuse(k.pos, trf("'{}' shares its line with the start of the record; "
                                   "remove it by hand",
                                   k.value));
    int key_col = column(t, k.pos);
    std::size_t end =
        block_end(t, k.pos, [&](std::string_view, int indent) { return indent > key_col; });
    return Splice{c.b.base + line, end - line, {}};
}

struct Walk {
    std::uint32_t map;                // the mapping that holds (or would hold) the last key
    std::size_t depth;                // keys[depth] is the first key not found
    std::vector<std::uint32_t> maps;  // the mappings on the way, `map` last
};

// Follows `keys` below `map` as far as they exist.
Result<Walk> walk(const Ctx& c, std::uint32_t map, const std::vector<std::string>& keys) {
    Walk w{map, 0, {map}};
    if (auto refused = shared(c, map)) return *refused;
    for (; w.depth + 1 < keys.size(); ++w.depth) {
        auto entry = find_entry(c, w.map, keys[w.depth]);
        if (!entry) return Failure{entry.error()};
        if (!*entry) return w;
        const YamlNode& v = c.node((*entry)->value);
        if (v.kind != YamlNode::Kind::mapping)
            return c.refuse(c.node((*entry)->key).pos,
                            trf("'{}' is {}, not a mapping", keys[w.depth], describe(v)));
        w.map = (*entry)->value;
        w.maps.push_back(w.map);
    }
    return w;
}

}  // namespace

Edit as_edit(Insertion ins) {
    Edit e;
    e.changes.push_back(tree_change(ins));
    e.splices.push_back(Splice{ins.offset, 0, std::move(ins.text)});
    return e;
}

Result<Edit> set_value(const EditableFile& f, std::uint32_t map,
                       const std::vector<std::string>& keys, const YamlValue& value) {
    Ctx c(f);
    auto w = walk(c, map, keys);
    if (!w) return Failure{w.error()};
    const std::string& key = keys[w->depth];
    auto entry = find_entry(c, w->map, key);
    if (!entry) return Failure{entry.error()};
    if (!*entry || w->depth + 1 < keys.size()) {
        YamlValue added = nest(keys, w->depth, value);
        if (w->map == f.doc.root)
            if (auto e = add_to_root(c, key, added)) return std::move(*e);
        return from_insertion(c, w->map, add_key(f, w->map, key, added));
    }
    const YamlNode& old = c.node((*entry)->value);
    const YamlNode& k = c.node((*entry)->key);
    auto path = path_to(f.doc, w->map);
    if (!path) return Failure{path.error()};
    std::string_view t = c.b.text;
    Span s{0, npos};
    std::string text;
    YamlValue reads_as = value;
    if (old.kind == YamlNode::Kind::scalar) {
        s = scalar_span(t, old);
        if (s.end == npos)
            return c.refuse(old.pos, trf("'{}' spans several lines; change it by hand", key));
        std::tie(text, reads_as) = styled(t, old, value);
    } else if (old.kind == YamlNode::Kind::null) {
        // `key: ~` gets the value in place of the `~`; `key:` after the colon.
        std::size_t colon = t.find(':', k.pos + k.value.size());
        std::size_t v = colon == npos ? npos : t.find_first_not_of(" \t", colon + 1);
        if (colon == npos) return c.refuse(k.pos, trf("'{}' has no ':'", key));
        std::size_t word = v == npos ? 0 : t.find_first_of(" \t\r\n#,}", v) - v;
        std::string_view null_word = v == npos ? "" : t.substr(v, word);
        if (v == npos || t[v] == '\r' || t[v] == '\n' || t[v] == '#') {
            s = Span{colon + 1, colon + 1};
            text = " " + emit_flow(value);
        } else if (null_word == "~" || null_word == "null" || null_word == "Null" ||
                   null_word == "NULL") {
            s = Span{v, v + word};
            text = emit_flow(value);
        } else {
            return c.refuse(k.pos, trf("'{}' holds nothing acct can replace", key));
        }
    } else if (old.kind == YamlNode::Kind::sequence && value.kind == YamlNode::Kind::sequence &&
               old.pos < t.size() && t[old.pos] == '[') {
        // A flow list is replaced whole: `tags: [a, b]`.
        s = Span{old.pos, flow_value_end(c, old)};
        if (s.end == npos) return c.refuse(old.pos, tr("cannot find where this list ends"));
        text = emit_flow(value);
    } else {
        return c.refuse(old.pos, trf("'{}' is {}, not a single value", key, describe(old)));
    }
    Edit e;
    e.splices.push_back(Splice{c.b.base + s.begin, s.end - s.begin, std::move(text)});
    e.changes.push_back(TreeChange{TreeChange::Kind::replace, std::move(*path), key,
                                   TreeChange{}.index, std::move(reads_as)});
    return e;
}

Result<Edit> remove_key(const EditableFile& f, std::uint32_t map,
                        const std::vector<std::string>& keys) {
    Ctx c(f);
    auto w = walk(c, map, keys);
    if (!w) return Failure{w.error()};
    if (w->depth + 1 < keys.size()) return Edit{};
    // A nested mapping that would be left empty goes with its key.
    std::size_t level = keys.size() - 1;
    while (level > 0 && c.node(w->maps[level]).items.size() == 2)
        --level;
    std::uint32_t holder = w->maps[level];
    auto entry = find_entry(c, holder, keys[level]);
    if (!entry) return Failure{entry.error()};
    if (!*entry) return Edit{};
    auto span = entry_span(c, holder, **entry);
    if (!span) return Failure{span.error()};
    auto path = path_to(f.doc, holder);
    if (!path) return Failure{path.error()};
    Edit e;
    e.splices.push_back(*span);
    e.changes.push_back(TreeChange{
        TreeChange::Kind::remove, std::move(*path), keys[level], TreeChange{}.index, {}});
    return e;
}

Result<Edit> combine(Edit first, Edit second) {
    // Two insertions at one place are fine (in order); anything that reaches
    // into a replaced span is not.
    auto conflict = [](const Splice& a, const Splice& b) {
        std::size_t a_end = a.offset + a.length, b_end = b.offset + b.length;
        if (a.length == 0 && b.length == 0) return false;
        if (a.length == 0) return a.offset > b.offset && a.offset < b_end;
        if (b.length == 0) return b.offset > a.offset && b.offset < a_end;
        return a.offset < b_end && b.offset < a_end;
    };
    for (const auto& a : first.splices)
        for (const auto& b : second.splices)
            if (conflict(a, b)) return Failure{tr("two changes meet in one place of the file")};
    for (auto& s : second.splices)
        first.splices.push_back(std::move(s));
    // Two keys added at one place of a mapping: the second lands after the first.
    for (auto& ch : second.changes) {
        for (const auto& earlier : first.changes)
            if (ch.kind == TreeChange::Kind::add && earlier.kind == TreeChange::Kind::add &&
                ch.path == earlier.path && ch.index == earlier.index &&
                ch.index != TreeChange{}.index)
                ++ch.index;
        first.changes.push_back(std::move(ch));
    }
    return first;
}

std::string apply_edit(std::string_view bytes, const Edit& e) {
    std::vector<const Splice*> order;
    for (const auto& s : e.splices)
        order.push_back(&s);
    // At one offset an insertion goes before a replacement, else in the given order.
    std::stable_sort(order.begin(), order.end(), [](const Splice* a, const Splice* b) {
        return a->offset < b->offset || (a->offset == b->offset && a->length < b->length);
    });
    std::string out;
    std::size_t at = 0;
    for (const Splice* s : order) {
        out.append(bytes.substr(at, s->offset - at));
        out.append(s->text);
        at = s->offset + s->length;
    }
    out.append(bytes.substr(at));
    return out;
}

}  // namespace acctool
