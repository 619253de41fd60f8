#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "acct/load/file_records.h"
#include "acct/write/git_attributes.h"
#include "acct/write/insert.h"
#include "acct/write/merge.h"

using namespace acctool;

namespace {

const Config config;
const Date as_of{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{27}};

RecordMerge merge(std::string_view base, std::string_view ours, std::string_view theirs,
                  bool client_file = false) {
    RecordFileContext ctx{client_file ? "c/client.yaml" : "c/log.yaml", "c", client_file,
                          ReadOptions{config, as_of}};
    return merge_record_file({base, ours, theirs}, ctx);
}

std::string merged(std::string_view base, std::string_view ours, std::string_view theirs,
                   bool client_file = false) {
    RecordMerge m = merge(base, ours, theirs, client_file);
    if (m.outcome != RecordMerge::Outcome::merged) return "not merged: " + m.reason;
    return m.text;
}

constexpr std::string_view log_base =
    "# Calls with the client\n"
    "interactions:\n"
    "  - date: 2026-11-01\n"
    "    kind: call\n"
    "    summary: Kick-off\n"
    "tasks:\n"
    "  - title: Send the offer\n"
    "    due: 2026-11-20\n";

}  // namespace

namespace {

// `lines` added at the end of the interactions of log_base.
std::string with_interaction(std::string_view lines) {
    std::string out(log_base);
    return out.insert(out.find("tasks:"), lines);
}

}  // namespace

TEST_CASE("records appended on both sides are all kept: ours first, each block as written") {
    std::string ours =
        with_interaction("  - {date: 2026-11-20, kind: email, summary: ours}  # mine\n");
    std::string theirs =
        with_interaction("  - date: 2026-11-21\n    kind: call\n    summary: theirs\n");
    CHECK(merged(log_base, ours, theirs) ==
          "# Calls with the client\ninteractions:\n"
          "  - date: 2026-11-01\n    kind: call\n    summary: Kick-off\n"
          "  - {date: 2026-11-20, kind: email, summary: ours}  # mine\n"
          "  - date: 2026-11-21\n    kind: call\n    summary: theirs\n"
          "tasks:\n  - title: Send the offer\n    due: 2026-11-20\n");
}

TEST_CASE("a record changed on one side takes the change; different records merge") {
    std::string ours = std::string(log_base) + "    done: 2026-11-19\n";
    std::string theirs(log_base);
    theirs.replace(theirs.find("Kick-off"), 8, "Kick-off, with slides");
    CHECK(merged(log_base, ours, theirs) ==
          "# Calls with the client\ninteractions:\n"
          "  - date: 2026-11-01\n    kind: call\n    summary: Kick-off, with slides\n"
          "tasks:\n  - title: Send the offer\n    due: 2026-11-20\n    done: 2026-11-19\n");
    // The same change on both sides is no conflict.
    CHECK(merged(log_base, ours, ours) == ours);
}

TEST_CASE("the same task done on different dates is a conflict") {
    std::string ours = std::string(log_base) + "    done: 2026-11-19\n";
    std::string theirs = std::string(log_base) + "    done: 2026-11-21\n";
    RecordMerge m = merge(log_base, ours, theirs);
    CHECK(m.outcome == RecordMerge::Outcome::conflict);
    CHECK(m.reason ==
          "the record of 'tasks' at line 7 of the base was changed differently on both sides");
}

TEST_CASE("removed on one side: gone when the other left it, a conflict when it changed it") {
    std::string without_task(log_base.substr(0, log_base.find("tasks:")));
    std::string ours = std::string(log_base) + "    done: 2026-11-19\n";
    CHECK(merged(log_base, without_task, log_base) == without_task);
    CHECK(merged(log_base, log_base, without_task) == without_task);
    RecordMerge m = merge(log_base, ours, without_task);
    CHECK(m.outcome == RecordMerge::Outcome::conflict);
    CHECK(m.reason == "'tasks' was changed on our side and removed on theirs");
}

TEST_CASE("the same invoice number added on both sides is a conflict") {
    std::string base = "invoices:\n  - {number: A-1, issued: 2026-10-01, amount: 10}\n";
    std::string ours = base + "  - {number: A-2, issued: 2026-11-01, amount: 10}\n";
    std::string theirs = base + "  - {number: A-2, issued: 2026-11-02, amount: 20}\n";
    RecordMerge m = merge(base, ours, theirs);
    CHECK(m.outcome == RecordMerge::Outcome::conflict);
    CHECK(m.reason ==
          "'number: A-2' was added to 'invoices' on both sides; two records cannot share it");
    std::string other = base + "  - {number: A-3, issued: 2026-11-02, amount: 20}\n";
    CHECK(merged(base, ours, other) ==
          ours + "  - {number: A-3, issued: 2026-11-02, amount: 20}\n");
}

TEST_CASE("client fields merge as whole values; new sections of theirs go at the end") {
    std::string base = "name: Acme\nstatus: active\n";
    std::string ours = "name: Acme\nstatus: paused\n";
    std::string theirs = "name: Acme Corp\nstatus: active\ntasks:\n- title: x\n  due: 2026-12-01\n";
    CHECK(merged(base, ours, theirs, true) ==
          "name: Acme Corp\nstatus: paused\ntasks:\n- title: x\n  due: 2026-12-01\n");
    CHECK(merge(base, ours, "name: Acme\nstatus: former\n", true).reason ==
          "'status' was changed differently on both sides (line 2 of ours)");
}

TEST_CASE("a section both sides created gets both sides' records; theirs follow our indent") {
    std::string base = "name: Acme\n";
    std::string ours = "name: Acme\ntasks:\n  - title: a\n    due: 2026-12-01\n";
    std::string theirs = "name: Acme\ntasks:\n- title: b\n  due: 2026-12-02\n";
    CHECK(merged(base, ours, theirs, true) ==
          "name: Acme\ntasks:\n  - title: a\n    due: 2026-12-01\n"
          "  - title: b\n    due: 2026-12-02\n");
}

TEST_CASE("CRLF, a BOM and a last line without a line break are kept") {
    std::string base = "\xEF\xBB\xBFinteractions:\r\n  - {date: 2026-11-01, kind: call}";
    std::string ours = base + "\r\n  - {date: 2026-11-02, kind: call}";
    std::string theirs =
        "interactions:\n  - {date: 2026-11-01, kind: call}\n"
        "  - {date: 2026-11-03, kind: note}\n";
    CHECK(merged(base, ours, theirs) ==
          "\xEF\xBB\xBFinteractions:\r\n  - {date: 2026-11-01, kind: call}\r\n"
          "  - {date: 2026-11-02, kind: call}\r\n  - {date: 2026-11-03, kind: note}\r\n");
}

TEST_CASE("what the merge cannot prove is left to the line merge") {
    CHECK(merge(log_base, "interactions: [\n", log_base).outcome == RecordMerge::Outcome::unsure);
    // Flow lists are one piece: an edit on one side is taken whole...
    std::string base = "tasks: [{title: a, due: 2026-12-01}]\n";
    std::string ours = "tasks: [{title: a, due: 2026-12-01}, {title: b, due: 2026-12-02}]\n";
    CHECK(merged(base, ours, base) == ours);
    // ...and edits on both sides are a conflict, not a guess.
    std::string theirs = "tasks: [{title: a, due: 2026-12-01}, {title: c, due: 2026-12-03}]\n";
    CHECK(merge(base, ours, theirs).outcome == RecordMerge::Outcome::conflict);
    // A record added on both sides that would not load (a second contract id)
    // is a conflict too.
    std::string c = "contracts:\n  - {id: a, status: draft}\n";
    CHECK(merge(c, c + "  - {id: b, status: draft}\n", c + "  - {id: b, status: sent}\n").outcome ==
          RecordMerge::Outcome::conflict);
}

TEST_CASE("the .gitattributes lines are inserted only when missing") {
    CHECK(missing_merge_attributes("") == "*.yaml merge=acct\n*.yml merge=acct\n");
    CHECK(missing_merge_attributes("*.png binary") == "\n*.yaml merge=acct\n*.yml merge=acct\n");
    CHECK(missing_merge_attributes("*.yaml   merge=acct\r\n") == "*.yml merge=acct\r\n");
    CHECK(missing_merge_attributes("*.yaml merge=acct\n*.yml text merge=acct\n").empty());
    CHECK(missing_merge_attributes("# *.yaml merge=acct\n") ==
          "*.yaml merge=acct\n*.yml merge=acct\n");
    CHECK(acct_merge_line("*.png binary\n# merge=acct\n*.yml merge=acct\n") == 3);
    CHECK(acct_merge_line("*.yml merge=union\n") == 0);
}

// The property: random record-level edits on two sides of a real file, merged,
// equal the record-level expected merge or are reported as a conflict; never
// a file that silently loses a record.
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

YamlValue tree_of(std::string_view bytes) {
    YamlParse p = parse_yaml(bytes.substr(bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0));
    REQUIRE(p.document);
    if (p.document->empty) return YamlValue::mapping();
    YamlValue v = to_value(*p.document, p.document->root);
    return v.kind == YamlNode::Kind::null ? YamlValue::mapping() : v;
}

const YamlValue* get(const YamlValue& map, std::string_view key) {
    for (std::size_t i = 0; i + 1 < map.items.size(); i += 2)
        if (map.items[i].value == key) return &map.items[i + 1];
    return nullptr;
}

constexpr std::string_view sections[] = {"interactions", "tasks", "invoices"};

// One random edit: a new record at the end of a section, or a new `notes`
// key on an existing record. False when the writer refuses it.
bool edit(std::string& bytes, std::mt19937& rng, std::string_view side, int n) {
    std::string_view body =
        std::string_view(bytes).substr(bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0);
    YamlParse p = parse_yaml(body);
    if (!p.document) return false;
    const YamlDocument& doc = *p.document;
    std::string_view section = sections[rng() % 3];
    Result<Insertion> ins = Failure{""};
    const YamlNode* list = doc.empty || doc.node(doc.root).kind != YamlNode::Kind::mapping
                               ? nullptr
                               : map_get(doc, doc.node(doc.root), section);
    if (rng() % 2 == 0 && list && list->kind == YamlNode::Kind::sequence && !list->items.empty()) {
        std::uint32_t record = list->items[rng() % list->items.size()];
        if (doc.node(record).kind != YamlNode::Kind::mapping) return false;
        ins = add_key(EditableFile{bytes, doc}, record, "notes",
                      YamlValue::text(fmt::format("{} {}", side, n)));
    } else {
        YamlValue item = YamlValue::mapping();
        if (section == "invoices")
            item.add("number", YamlValue::word(fmt::format("P-{}", n)))
                .add("issued", YamlValue::word("2026-11-27"))
                .add("amount", YamlValue::word("10"));
        else if (section == "tasks")
            item.add("title", YamlValue::text(fmt::format("{} task {}", side, n)))
                .add("due", YamlValue::word("2026-12-01"));
        else
            item.add("date", YamlValue::word("2026-11-27"))
                .add("kind", YamlValue::word("call"))
                .add("summary", YamlValue::text(fmt::format("{} {}", side, n)));
        ins = append_to_section(EditableFile{bytes, doc}, section, item);
    }
    if (!ins) return false;
    bytes = apply_insertion(bytes, *ins);
    return true;
}

// What a merge by records must give: every key's value where one side
// changed it, each base record with the change of the side that changed it,
// then ours' new records, then theirs'. Nothing when the sides contradict.
std::optional<YamlValue> expected_merge(const YamlValue& base, const YamlValue& ours,
                                        const YamlValue& theirs) {
    YamlValue out = YamlValue::mapping();
    auto keys = ours;  // ours' keys in order, then theirs' new ones
    for (std::size_t i = 0; i + 1 < theirs.items.size(); i += 2)
        if (!get(ours, theirs.items[i].value)) keys.add(theirs.items[i].value, theirs.items[i + 1]);
    for (std::size_t k = 0; k + 1 < keys.items.size(); k += 2) {
        const std::string& key = keys.items[k].value;
        const YamlValue none;
        const YamlValue* b = get(base, key);
        const YamlValue* o = get(ours, key);
        const YamlValue* t = get(theirs, key);
        bool list = std::find(std::begin(sections), std::end(sections), key) != std::end(sections);
        auto items = [](const YamlValue* v) {
            return v && v->kind == YamlNode::Kind::sequence ? v->items : std::vector<YamlValue>{};
        };
        auto is_list = [](const YamlValue* v) { return v && v->kind == YamlNode::Kind::sequence; };
        if (!list || !is_list(o) || !is_list(t) || (b && !is_list(b))) {
            const YamlValue& bv = b ? *b : none;
            const YamlValue& ov = o ? *o : none;
            const YamlValue& tv = t ? *t : none;
            if (ov != bv && tv != bv && ov != tv) return std::nullopt;
            out.add(key, ov != bv ? ov : tv);
            continue;
        }
        std::vector<YamlValue> bi = items(b), oi = items(o), ti = items(t);
        YamlValue merged = YamlValue::sequence();
        for (std::size_t i = 0; i < bi.size(); ++i) {
            if (oi[i] != bi[i] && ti[i] != bi[i] && oi[i] != ti[i]) return std::nullopt;
            merged.push(oi[i] != bi[i] ? oi[i] : ti[i]);
        }
        std::map<std::string, int> numbers;
        for (auto* side : {&oi, &ti})
            for (std::size_t i = bi.size(); i < side->size(); ++i) {
                merged.push((*side)[i]);
                if (key == "invoices" && ++numbers[get((*side)[i], "number")->value] > 1)
                    return std::nullopt;
            }
        out.add(key, merged);
    }
    return out;
}

std::vector<fs::path> property_files() {
    const fs::path data = fs::path(ACCT_CORPUS_DIR).parent_path();
    std::vector<fs::path> files;
    for (const fs::path& ws : {data / "hand", data.parent_path().parent_path() / "examples/agency"})
        for (const auto& e : fs::recursive_directory_iterator(ws))
            if (e.is_regular_file() && e.path().extension() == ".yaml" &&
                e.path().filename() != "acct.yaml" &&
                e.path().string().find("/_") == std::string::npos)
                files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("random edits on two sides merge to the record-level merge or a conflict") {
    auto files = property_files();
    REQUIRE(files.size() >= 15);
    std::mt19937 rng(20261127);
    int runs = 0, merged_runs = 0, conflicts = 0, contradictions = 0;
    for (const auto& file : files) {
        const std::string base = read_file(file);
        bool client_file = file.filename() == "client.yaml";
        for (int run = 0; run < 40; ++run) {
            std::string ours = base, theirs = base;
            int edits = 1 + static_cast<int>(rng() % 3);
            for (int n = 0; n < edits; ++n) {
                edit(ours, rng, "ours", n);
                edit(theirs, rng, "theirs", n);
            }
            CAPTURE(file.string());
            CAPTURE(ours);
            CAPTURE(theirs);
            auto expected = expected_merge(tree_of(base), tree_of(ours), tree_of(theirs));
            RecordMerge m = merge(base, ours, theirs, client_file);
            ++runs;
            contradictions += !expected;
            if (m.outcome != RecordMerge::Outcome::merged) {
                ++conflicts;
                continue;
            }
            ++merged_runs;
            REQUIRE(expected);
            CHECK(tree_of(m.text) == *expected);
        }
    }
    MESSAGE(fmt::format("{} runs on {} files: {} merged, {} left to git ({} contradict)", runs,
                        files.size(), merged_runs, conflicts, contradictions));
    // Most edits do not contradict: the merge must take most of them.
    CHECK(merged_runs * 2 > runs);
}

TEST_CASE("comments and blank lines between records and after a list stay where ours has them") {
    std::string base =
        "interactions:\n  # first\n  - {date: 2026-11-01, kind: call}\n\n  # second\n"
        "  - {date: 2026-11-02, kind: call}\n  # the end of the list\n\nnotes: x\n";
    std::string ours = base;
    ours.replace(ours.find("11-01, kind: call"), 17, "11-01, kind: call, summary: s");
    std::string theirs = base;
    theirs.insert(theirs.find("  # the end"), "  - date: 2026-11-03\n    kind: note\n");
    CHECK(merged(base, ours, theirs) ==
          "interactions:\n  # first\n  - {date: 2026-11-01, kind: call, summary: s}\n\n"
          "  # second\n  - {date: 2026-11-02, kind: call}\n"
          "  - date: 2026-11-03\n    kind: note\n  # the end of the list\n\nnotes: x\n");
    // Removed on their side, left alone on ours: the record goes, the comments stay.
    std::string without_second = base;
    without_second.erase(without_second.find("  - {date: 2026-11-02"), 35);
    CHECK(merged(base, base, without_second) == without_second);
}
