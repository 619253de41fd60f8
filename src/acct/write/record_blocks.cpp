#include "acct/write/record_blocks.h"

#include <set>

#include "acct/lang/translate.h"
#include "acct/write/record_identity.h"
#include "acct/write/yaml_text.h"

namespace acctool {

namespace {

constexpr std::size_t npos = text_npos;

bool is_dash(std::string_view line, std::size_t at) {
    return at < line.size() && line[at] == '-' &&
           (at + 1 == line.size() || std::string_view(" \t\r\n").find(line[at + 1]) != npos);
}

// The records of a block list that fills the lines [from, to) of `t`; false
// when the lines are not one list of `expected` items.
bool cut_list(std::string_view t, std::size_t from, std::size_t to, std::size_t expected,
              EntryBlock& e) {
    bool first = true;
    for (std::size_t i = from; i < to;) {
        std::size_t next = line_next(t, i);
        std::string_view line = t.substr(i, next - i);
        std::size_t k = line.find_first_not_of(' ');
        if (k == npos || line[k] == '\r' || line[k] == '\n' || line[k] == '#') {
            i = next;
            continue;
        }
        if (line[k] == '\t') return false;
        int indent = static_cast<int>(k);
        if (first) {
            if (!is_dash(line, k)) return false;
            e.dash_column = indent;
            first = false;
        }
        if (indent == e.dash_column && is_dash(line, k)) {
            e.records.push_back(RecordBlock{i, next, {}});
        } else if (indent > e.dash_column) {
            e.records.back().end = next;
        } else {
            return false;
        }
        i = next;
    }
    return e.records.size() == expected;
}

}  // namespace

Result<FileBlocks> cut_into_blocks(std::string_view text, const YamlDocument& doc) {
    FileBlocks f;
    f.text = text;
    f.eol = body_of(text).eol;
    f.entries_begin = text.size();
    if (doc.empty || doc.node(doc.root).kind == YamlNode::Kind::null) return f;
    const YamlNode& root = doc.node(doc.root);
    if (root.kind != YamlNode::Kind::mapping)
        return Failure{tr("the file is not a mapping of keys and values")};
    if (root.pos < text.size() && text[root.pos] == '{')
        return Failure{tr("the file is one mapping in flow style ({...})")};
    std::set<std::string> seen;
    for (std::size_t i = 0; i + 1 < root.items.size(); i += 2) {
        const YamlNode& k = doc.node(root.items[i]);
        if (k.kind != YamlNode::Kind::scalar) return Failure{tr("a key that is not text")};
        if (!seen.insert(k.value).second)
            return Failure{trf("the key '{}' is written twice", k.value)};
        std::size_t begin = line_begin(text, k.pos);
        if (text.substr(begin, k.pos - begin).find_first_not_of(' ') != npos)
            return Failure{trf("the key '{}' is not the first thing on its line", k.value)};
        EntryBlock e;
        e.key = k.value;
        e.begin = begin;
        e.value = to_value(doc, root.items[i + 1]);
        f.entries.push_back(std::move(e));
    }
    for (std::size_t i = 0; i < f.entries.size(); ++i)
        f.entries[i].end = i + 1 < f.entries.size() ? f.entries[i + 1].begin : text.size();
    if (!f.entries.empty()) f.entries_begin = f.entries.front().begin;
    for (std::size_t i = 0; i < f.entries.size(); ++i) {
        EntryBlock& e = f.entries[i];
        const YamlNode& v = doc.node(root.items[2 * i + 1]);
        if (!identity_of(e.key) || v.kind != YamlNode::Kind::sequence || v.items.empty()) continue;
        std::size_t from = line_next(text, doc.node(root.items[2 * i]).pos);
        if (v.pos < from) continue;  // `key: [..]` or `key: &anchor`: one piece
        e.is_list = cut_list(text, from, e.end, v.items.size(), e);
        if (!e.is_list) {
            e.records.clear();
            continue;
        }
        for (std::size_t r = 0; r < e.records.size(); ++r)
            e.records[r].value = e.value.items[r];
    }
    return f;
}

Result<std::string> move_block(std::string_view block, int from, int to, std::string_view eol) {
    std::string out;
    for (std::size_t i = 0; i < block.size();) {
        std::size_t next = line_next(block, i);
        std::string_view line = block.substr(i, next - i);
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
            line.remove_suffix(1);
        i = next;
        if (line.find_first_not_of(' ') != npos) {
            if (to > from) {
                out.append(static_cast<std::size_t>(to - from), ' ');
            } else if (to < from) {
                auto cut = static_cast<std::size_t>(from - to);
                if (line.substr(0, cut).find_first_not_of(' ') != npos || line.size() < cut)
                    return Failure{tr("a line is indented less than its list")};
                line.remove_prefix(cut);
            }
        }
        out.append(line);
        out.append(eol);
    }
    return out;
}

}  // namespace acctool
