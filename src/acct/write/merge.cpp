#include "acct/write/merge.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/write/record_blocks.h"
#include "acct/write/record_identity.h"

namespace acctool {

namespace {

using Outcome = RecordMerge::Outcome;

RecordMerge failed(Outcome o, std::string reason) {
    return RecordMerge{o, {}, std::move(reason)};
}

struct Version {
    std::shared_ptr<const SourceText> source;
    YamlDocument doc;
    FileBlocks blocks;
};

enum class Side { base, ours, theirs };

// One sentence per side: the side's word is not glued in (word order and
// case differ in Russian).
std::string unparsable(Side side, const std::string& why) {
    switch (side) {
        case Side::base:
            return trf("the base version does not parse: {}", why);
        case Side::ours:
            return trf("the our version does not parse: {}", why);
        case Side::theirs:
            break;
    }
    return trf("the their version does not parse: {}", why);
}

std::string unhandled_layout(Side side, const std::string& why) {
    switch (side) {
        case Side::base:
            return trf("the base version is laid out in a way the record merge does not handle: {}",
                       why);
        case Side::ours:
            return trf("the our version is laid out in a way the record merge does not handle: {}",
                       why);
        case Side::theirs:
            break;
    }
    return trf("the their version is laid out in a way the record merge does not handle: {}", why);
}

std::variant<Version, RecordMerge> open_version(std::string_view bytes, const std::string& path,
                                                Side side) {
    Version v;
    v.source = std::make_shared<const SourceText>(path, std::string(bytes));
    std::vector<Diagnostic> problems;
    auto doc = parse_file(*v.source, problems);
    if (!doc)
        return failed(Outcome::unsure,
                      unparsable(side, problems.empty() ? "" : problems.front().message));
    v.doc = std::move(*doc);
    auto blocks = cut_into_blocks(v.source->text(), v.doc);
    if (!blocks) return failed(Outcome::unsure, unhandled_layout(side, blocks.error()));
    v.blocks = std::move(*blocks);
    return v;
}

const EntryBlock* entry(const FileBlocks& f, std::string_view key) {
    for (const auto& e : f.entries)
        if (e.key == key) return &e;
    return nullptr;
}

int line_of(const FileBlocks& f, std::size_t offset) {
    return 1 + static_cast<int>(std::count(f.text.begin(), f.text.begin() + offset, '\n'));
}

// Which record of a side each base record became, and which records of the
// side are new.
struct Matching {
    std::vector<int> base_to;  // -1: removed on that side
    std::vector<bool> used;    // per record of the side
};

// Records equal in content are the same record (in order, as a longest common
// subsequence); the rest pair up by identity, in order.
std::optional<Matching> match(const std::vector<RecordBlock>& base,
                              const std::vector<RecordBlock>& side, const RecordIdentity& id) {
    Matching m{std::vector<int>(base.size(), -1), std::vector<bool>(side.size(), false)};
    std::size_t n = base.size(), k = side.size(), head = 0, tail = 0;
    auto same = [&](std::size_t b, std::size_t s) { return base[b].value == side[s].value; };
    while (head < n && head < k && same(head, head))
        ++head;
    while (tail < n - head && tail < k - head && same(n - 1 - tail, k - 1 - tail))
        ++tail;
    for (std::size_t i = 0; i < head; ++i)
        m.base_to[i] = static_cast<int>(i), m.used[i] = true;
    for (std::size_t i = 0; i < tail; ++i) {
        m.base_to[n - 1 - i] = static_cast<int>(k - 1 - i);
        m.used[k - 1 - i] = true;
    }
    std::size_t rows = n - head - tail, cols = k - head - tail;
    if (rows * cols > 4'000'000) return std::nullopt;
    // lcs[i][j]: of base[head+i..] and side[head+j..].
    std::vector<std::uint32_t> lcs((rows + 1) * (cols + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& {
        return lcs[i * (cols + 1) + j];
    };
    for (std::size_t i = rows; i-- > 0;)
        for (std::size_t j = cols; j-- > 0;)
            at(i, j) = same(head + i, head + j) ? at(i + 1, j + 1) + 1
                                                : std::max(at(i + 1, j), at(i, j + 1));
    for (std::size_t i = 0, j = 0; i < rows && j < cols;) {
        if (same(head + i, head + j)) {
            m.base_to[head + i] = static_cast<int>(head + j);
            m.used[head + j] = true;
            ++i, ++j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            ++i;
        } else {
            ++j;
        }
    }
    for (std::size_t b = 0; b < n; ++b) {
        if (m.base_to[b] >= 0) continue;
        auto key = identity_key(id, base[b].value);
        if (!key) continue;
        for (std::size_t s = 0; s < k; ++s)
            if (!m.used[s] && identity_key(id, side[s].value) == key) {
                m.base_to[b] = static_cast<int>(s);
                m.used[s] = true;
                break;
            }
    }
    return m;
}

class Merger {
  public:
    Merger(const Version& base, const Version& ours, const Version& theirs)
        : b_(base.blocks), o_(ours.blocks), t_(theirs.blocks) {}

    // The merged text and the tree it must read back as, or why not.
    std::optional<RecordMerge> run() {
        out_.append(o_.text.substr(0, o_.entries_begin));
        for (const EntryBlock& o : o_.entries)
            if (auto stop = merge_ours_entry(o)) return stop;
        for (const EntryBlock& t : t_.entries) {
            if (entry(o_, t.key)) continue;
            if (const EntryBlock* b = entry(b_, t.key)) {
                if (b->value != t.value)
                    return failed(Outcome::conflict,
                                  trf("'{}' was removed on our side and changed on theirs", t.key));
                continue;
            }
            if (auto stop = append_theirs(t.begin, t.end, 0, 0)) return stop;
            tree_.add(t.key, t.value);
        }
        return std::nullopt;
    }

    std::string& text() { return out_; }
    const YamlValue& tree() const { return tree_; }

  private:
    std::optional<RecordMerge> merge_ours_entry(const EntryBlock& o) {
        const EntryBlock* b = entry(b_, o.key);
        const EntryBlock* t = entry(t_, o.key);
        if (!t) {
            if (b && b->value != o.value)
                return failed(Outcome::conflict,
                              trf("'{}' was changed on our side and removed on theirs", o.key));
            if (!b) keep_ours(o);
            return std::nullopt;
        }
        if (o.is_list && t->is_list && (!b || b->is_list)) return merge_list(o, b, *t);
        if (b ? o.value == b->value && t->value != b->value : false) {
            if (auto stop = append_theirs(t->begin, t->end, 0, 0)) return stop;
            tree_.add(o.key, t->value);
            return std::nullopt;
        }
        if (!(b && t->value == b->value) && t->value != o.value)
            return failed(Outcome::conflict,
                          trf("'{}' was changed differently on both sides (line {} of "
                              "ours)",
                              o.key, line_of(o_, o.begin)));
        keep_ours(o);
        return std::nullopt;
    }

    void keep_ours(const EntryBlock& o) {
        out_.append(o_.text.substr(o.begin, o.end - o.begin));
        tree_.add(o.key, o.value);
    }

    void end_line() {
        if (!out_.empty() && out_.back() != '\n') out_ += o_.eol;
    }

    std::optional<RecordMerge> append_theirs(std::size_t begin, std::size_t end, int from, int to) {
        auto moved = move_block(t_.text.substr(begin, end - begin), from, to, o_.eol);
        if (!moved)
            return failed(Outcome::unsure,
                          trf("a record of theirs at line {} cannot be moved into our "
                              "list: {}",
                              line_of(t_, begin), moved.error()));
        end_line();
        out_.append(*moved);
        return std::nullopt;
    }

    std::optional<RecordMerge> merge_list(const EntryBlock& o, const EntryBlock* b,
                                          const EntryBlock& t) {
        const RecordIdentity& id = *identity_of(o.key);
        static const std::vector<RecordBlock> none;
        const std::vector<RecordBlock>& base = b ? b->records : none;
        auto mo = match(base, o.records, id);
        auto mt = match(base, t.records, id);
        if (!mo || !mt)
            return failed(Outcome::unsure,
                          trf("'{}' has too many changed records to compare", o.key));
        constexpr int keep = -1, drop = -2;
        std::vector<int> take(o.records.size(), keep);  // or a record of theirs
        for (std::size_t i = 0; i < base.size(); ++i) {
            int oi = mo->base_to[i], ti = mt->base_to[i];
            const YamlValue& bv = base[i].value;
            int line = line_of(b_, base[i].begin);
            if (oi >= 0 && ti >= 0) {
                const YamlValue& ov = o.records[oi].value;
                const YamlValue& tv = t.records[ti].value;
                if (ov == bv && tv != bv)
                    take[oi] = ti;
                else if (ov != bv && tv != bv && tv != ov)
                    return failed(Outcome::conflict,
                                  trf("the record of '{}' at line {} of the base was "
                                      "changed differently on both sides",
                                      o.key, line));
            } else if (oi >= 0) {
                if (o.records[oi].value != bv)
                    return failed(Outcome::conflict,
                                  trf("the record of '{}' at line {} of the base was "
                                      "changed on our side and removed or renamed on theirs",
                                      o.key, line));
                take[oi] = drop;
            } else if (ti >= 0 && t.records[ti].value != bv) {
                return failed(Outcome::conflict,
                              trf("the record of '{}' at line {} of the base was "
                                  "removed or renamed on our side and changed on theirs",
                                  o.key, line));
            }
        }
        YamlValue list = YamlValue::sequence();
        out_.append(o_.text.substr(o.begin, o.records.front().begin - o.begin));
        for (std::size_t i = 0; i < o.records.size(); ++i) {
            const RecordBlock& r = o.records[i];
            if (take[i] == keep) {
                out_.append(o_.text.substr(r.begin, r.end - r.begin));
                list.push(r.value);
            } else if (take[i] != drop) {
                const RecordBlock& tr = t.records[static_cast<std::size_t>(take[i])];
                if (auto stop = append_theirs(tr.begin, tr.end, t.dash_column, o.dash_column))
                    return stop;
                list.push(tr.value);
            }
            if (i + 1 < o.records.size())
                out_.append(o_.text.substr(r.end, o.records[i + 1].begin - r.end));
        }
        for (std::size_t i = 0; i < t.records.size(); ++i) {
            if (mt->used[i]) continue;
            const RecordBlock& tr = t.records[i];
            if (auto stop = append_theirs(tr.begin, tr.end, t.dash_column, o.dash_column))
                return stop;
            list.push(tr.value);
        }
        std::size_t last_end = o.records.back().end;
        out_.append(o_.text.substr(last_end, o.end - last_end));
        if (auto stop = shared_identity(id, list, o, t)) return stop;
        tree_.add(o.key, list.items.empty() ? YamlValue{} : std::move(list));
        return std::nullopt;
    }

    // Two records that may not share an identity, unless one side already
    // had them both.
    static std::optional<RecordMerge> shared_identity(const RecordIdentity& id,
                                                      const YamlValue& list, const EntryBlock& o,
                                                      const EntryBlock& t) {
        if (!id.unique) return std::nullopt;
        auto counts = [&](const std::vector<const YamlValue*>& records) {
            std::map<std::string, int> n;
            for (const YamlValue* r : records)
                if (auto key = identity_key(id, *r)) ++n[*key];
            return n;
        };
        auto values_of = [](const EntryBlock& e) {
            std::vector<const YamlValue*> v;
            for (const auto& r : e.records)
                v.push_back(&r.value);
            return v;
        };
        std::vector<const YamlValue*> merged;
        for (const auto& r : list.items)
            merged.push_back(&r);
        auto in_ours = counts(values_of(o)), in_theirs = counts(values_of(t));
        for (const auto& [key, n] : counts(merged))
            if (n > 1 && in_ours[key] < n && in_theirs[key] < n)
                return failed(Outcome::conflict,
                              trf("'{}: {}' was added to '{}' on both sides; two records "
                                  "cannot share it",
                                  id.keys[0], key.substr(1), o.key));
        return std::nullopt;
    }

    const FileBlocks& b_;
    const FileBlocks& o_;
    const FileBlocks& t_;
    std::string out_;
    YamlValue tree_ = YamlValue::mapping();
};

std::vector<std::string> errors_of(const std::shared_ptr<const SourceText>& source,
                                   const RecordFileContext& ctx) {
    FileRecords r = read_record_file(source, ctx.client_file, ctx.client_id, ctx.options);
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics)
        if (d.severity == Severity::error) out.push_back(d.message);
    return out;
}

// The merged file must read back as the merged records and bring no error
// that neither side had.
std::optional<RecordMerge> prove(const std::string& bytes, const YamlValue& expected,
                                 const Version& ours, const Version& theirs,
                                 const RecordFileContext& ctx) {
    auto source = std::make_shared<const SourceText>(ctx.path, bytes);
    std::vector<Diagnostic> problems;
    auto doc = parse_file(*source, problems);
    if (!doc)
        return failed(Outcome::unsure, trf("the merged file would not parse: {}",
                                           problems.empty() ? "" : problems.front().message));
    bool nothing = doc->empty || doc->node(doc->root).kind == YamlNode::Kind::null;
    if (nothing ? !expected.items.empty() : to_value(*doc, doc->root) != expected)
        return failed(Outcome::unsure,
                      tr("the merged file would not read back as the merged records"));
    auto before = errors_of(ours.source, ctx), also = errors_of(theirs.source, ctx);
    before.insert(before.end(), also.begin(), also.end());
    FileRecords after = read_record_file(source, ctx.client_file, ctx.client_id, ctx.options);
    for (const auto& d : after.diagnostics)
        if (d.severity == Severity::error &&
            std::find(before.begin(), before.end(), d.message) == before.end())
            return failed(Outcome::conflict, trf("the merged file would have an error at "
                                                 "line {}: {}",
                                                 d.where.line, d.message));
    return std::nullopt;
}

}  // namespace

RecordMerge merge_record_file(const RecordMergeInput& in, const RecordFileContext& ctx) {
    auto base = open_version(in.base, ctx.path, Side::base);
    auto ours = open_version(in.ours, ctx.path, Side::ours);
    auto theirs = open_version(in.theirs, ctx.path, Side::theirs);
    for (auto* v : {&base, &ours, &theirs})
        if (auto* stop = std::get_if<RecordMerge>(v)) return *stop;
    const Version& o = std::get<Version>(ours);
    const Version& t = std::get<Version>(theirs);
    Merger m(std::get<Version>(base), o, t);
    if (auto stop = m.run()) return *stop;
    std::string text(in.ours.substr(0, bom_length(in.ours)));
    text += m.text();
    if (auto stop = prove(text, m.tree(), o, t, ctx)) return *stop;
    return RecordMerge{Outcome::merged, std::move(text), {}};
}

}  // namespace acctool
