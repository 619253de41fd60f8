#include <doctest/doctest.h>

#include "acct/write/edit.h"

using namespace acctool;

namespace {

std::string_view body(std::string_view text) {
    return text.substr(text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0);
}

// The mapping at `path` (keys and list indexes, as "contracts", "0").
std::uint32_t node_at(const YamlDocument& doc, std::vector<std::string> path) {
    std::uint32_t at = doc.root;
    for (const auto& step : path) {
        const YamlNode& n = doc.node(at);
        if (n.kind == YamlNode::Kind::sequence) {
            at = n.items.at(std::stoul(step));
        } else {
            const YamlNode* v = map_get(doc, n, step);
            REQUIRE(v);
            at = doc.index_of(v);
        }
    }
    return at;
}

// The text after the edit, or "refused: why"; checks the proof holds.
template <class Plan>
std::string edited(std::string_view text, std::vector<std::string> record, Plan plan) {
    YamlParse old_parse = parse_yaml(body(text));
    REQUIRE(old_parse.document);
    EditableFile f{text, *old_parse.document};
    Result<Edit> e = plan(f, node_at(*old_parse.document, record));
    if (!e) return "refused: " + e.error();
    std::string out = apply_edit(text, *e);
    YamlParse new_parse = parse_yaml(body(out));
    REQUIRE(new_parse.document);
    CHECK(has_only_the_changes(*old_parse.document, *new_parse.document, e->changes));
    return out;
}

std::string set(std::string_view text, std::vector<std::string> record,
                std::vector<std::string> keys, std::string_view value) {
    return edited(text, record, [&](const EditableFile& f, std::uint32_t map) {
        return set_value(f, map, keys, YamlValue::text(value));
    });
}

// A date or another word acct has checked: written plain.
std::string set_word(std::string_view text, std::vector<std::string> record,
                     std::vector<std::string> keys, std::string_view value) {
    return edited(text, record, [&](const EditableFile& f, std::uint32_t map) {
        return set_value(f, map, keys, YamlValue::word(value));
    });
}

std::string unset(std::string_view text, std::vector<std::string> record,
                  std::vector<std::string> keys) {
    return edited(text, record, [&](const EditableFile& f, std::uint32_t map) {
        return remove_key(f, map, keys);
    });
}

const std::vector<std::string> first_contract{"contracts", "0"};

}  // namespace

TEST_CASE("a scalar changes in place; its comment, key and neighbours stay") {
    CHECK(set("contracts:\n  - id: a\n    status: draft   # for now\n    title: 'A, b'\n",
              first_contract, {"status"}, "sent") ==
          "contracts:\n  - id: a\n    status: sent   # for now\n    title: 'A, b'\n");
    CHECK(set("contracts:\n- {id: a, status: draft, title: \"x\"}  # one line\n", first_contract,
              {"status"},
              "signed") == "contracts:\n- {id: a, status: signed, title: \"x\"}  # one line\n");
}

TEST_CASE("a quoted value keeps its quoting style") {
    CHECK(set("owner: 'anna'\n", {}, {"owner"}, "it's ben") == "owner: 'it''s ben'\n");
    CHECK(set("owner: \"anna\"  # x\n", {}, {"owner"}, "ben") == "owner: \"ben\"  # x\n");
    CHECK(set("owner: anna\n", {}, {"owner"}, "Ben: the new one") ==
          "owner: \"Ben: the new one\"\n");
}

TEST_CASE("CRLF and a BOM are kept") {
    CHECK(set("\xEF\xBB\xBFname: A\r\nstatus: active\r\ncontracts: []", {}, {"status"}, "paused") ==
          "\xEF\xBB\xBFname: A\r\nstatus: paused\r\ncontracts: []");
}

TEST_CASE("a key goes into an existing block or flow mapping") {
    CHECK(set("contracts:\n  - id: a\n    renewal: {auto: true}\n", first_contract,
              {"renewal", "renewed_by"},
              "b") == "contracts:\n  - id: a\n    renewal: {auto: true, renewed_by: b}\n");
    CHECK(set("contracts:\n  - id: a\n    renewal:\n      auto: true  # yes\n  - id: b\n",
              first_contract, {"renewal", "renewed_by"}, "b") ==
          "contracts:\n  - id: a\n    renewal:\n      auto: true  # yes\n      renewed_by: b\n"
          "  - id: b\n");
}

TEST_CASE("a missing nested mapping is added with the key") {
    CHECK(set("contracts:\n   - id: a\n     status: signed\n", first_contract,
              {"renewal", "renewed_by"}, "b") ==
          "contracts:\n   - id: a\n     status: signed\n     renewal: {renewed_by: b}\n");
    CHECK(set("contracts: [{id: a}]\n", first_contract, {"renewal", "renewed_by"}, "b") ==
          "contracts: [{id: a, renewal: {renewed_by: b}}]\n");
}

TEST_CASE("a client field goes after the other fields, before the sections") {
    CHECK(set_word("name: A\nsince: 2025-01-01  # c\n\ncontracts: []\n", {}, {"until"}, "2026-11-27") ==
          "name: A\nsince: 2025-01-01  # c\nuntil: 2026-11-27\n\ncontracts: []\n");
    CHECK(set_word("name: A\n", {}, {"until"}, "2026-11-27") == "name: A\nuntil: 2026-11-27\n");
    CHECK(set_word("{name: A, contracts: []}\n", {}, {"until"}, "2026-11-27") ==
          "{name: A, contracts: [], until: 2026-11-27}\n");
}

TEST_CASE("an empty or null value is filled") {
    CHECK(set_word("name: A\nuntil:   # later\nb: 1\n", {}, {"until"}, "2026-11-27") ==
          "name: A\nuntil: 2026-11-27   # later\nb: 1\n");
    CHECK(set_word("name: A\nuntil: ~\n", {}, {"until"}, "2026-11-27") ==
          "name: A\nuntil: 2026-11-27\n");
}

TEST_CASE("a key is removed with its line, and an emptied mapping with its key") {
    CHECK(unset("name: A\nuntil: 2026-01-01  # gone\n# kept\nb: 1\n", {}, {"until"}) ==
          "name: A\n# kept\nb: 1\n");
    CHECK(unset("name: A\nhealth:\n  set: red\n  why: late\nb: 1\n", {}, {"health"}) ==
          "name: A\nb: 1\n");
    CHECK(unset("name: A\nhealth:\n  set: red\n  why: late\n", {}, {"health", "set"}) ==
          "name: A\nhealth:\n  why: late\n");
    CHECK(unset("name: A\nhealth: {set: red}\nb: 1\n", {}, {"health", "set"}) == "name: A\nb: 1\n");
    CHECK(unset("{name: A, until: 2026-01-01, b: 1}", {}, {"until"}) == "{name: A, b: 1}");
    CHECK(unset("{name: A, until: 2026-01-01}", {}, {"until"}) == "{name: A}");
    CHECK(unset("name: A\n", {}, {"until"}) == "name: A\n");
}

TEST_CASE("what acct would have to guess about is refused") {
    CHECK(set("a: &x draft\ncontracts:\n  - id: a\n    status: *x\n", first_contract, {"status"},
              "sent") ==
          "refused: 4:13: 'status' is an alias of a value written elsewhere; acct does not edit "
          "through aliases, change it by hand");
    CHECK(
        set("contracts:\n  - id: a\n    status: &s draft\n", first_contract, {"status"}, "sent") ==
        "refused: 3:13: 'status' carries an anchor that other places may repeat; change it by "
        "hand");
    CHECK(set("contracts:\n  - id: a\n    status: !!str draft\n", first_contract, {"status"},
              "sent") == "refused: 3:13: 'status' carries a tag; change it by hand");
    CHECK(set("notes: |\n  one\n  two\n", {}, {"notes"}, "x") ==
          "refused: 1:8: 'notes' is a block scalar (|); change it by hand");
    CHECK(set("notes: one\n  two\n", {}, {"notes"}, "x") ==
          "refused: 1:8: 'notes' spans several lines; change it by hand");
    CHECK(set("notes: \"one\n  two\"\n", {}, {"notes"}, "x") ==
          "refused: 1:8: 'notes' spans several lines; change it by hand");
    CHECK(set("contracts:\n  - id: a\n    status: draft\n    status: sent\n", first_contract,
              {"status"}, "signed") ==
          "refused: 4:5: 'status' is given twice in this mapping; remove one by hand, then try "
          "again");
    CHECK(set("base: &b {id: a, status: draft}\ncontracts: [*b]\n", first_contract, {"status"},
              "sent")
              .starts_with("refused: "));
    CHECK(unset("contracts:\n  - until: 2026-01-01\n    id: a\n", first_contract, {"until"}) ==
          "refused: 2:5: 'until' shares its line with the start of the record; remove it by hand");
}

TEST_CASE("edits and an insertion combine into one write") {
    std::string text = "contracts:\n  - id: a\n    renewal: {auto: true}\n  - id: z\n";
    YamlParse p = parse_yaml(text);
    REQUIRE(p.document);
    EditableFile f{text, *p.document};
    std::uint32_t list = node_at(*p.document, {"contracts"});
    std::uint32_t a = node_at(*p.document, first_contract);
    auto mark = set_value(f, a, {"renewal", "renewed_by"}, YamlValue::word("b"));
    REQUIRE(mark);
    auto ins = insert_after_item(f, list, 0, YamlValue::mapping().add("id", YamlValue::word("b")));
    REQUIRE(ins);
    auto both = combine(*mark, as_edit(*ins));
    REQUIRE(both);
    std::string out = apply_edit(text, *both);
    CHECK(
        out ==
        "contracts:\n  - id: a\n    renewal: {auto: true, renewed_by: b}\n  - id: b\n  - id: z\n");
    YamlParse q = parse_yaml(out);
    REQUIRE(q.document);
    CHECK(has_only_the_changes(*p.document, *q.document, both->changes));
    // The proof sees a change that was not planned.
    CHECK_FALSE(has_only_the_changes(*p.document, *q.document, mark->changes));
    auto flag = set_value(f, a, {"renewal", "auto"}, YamlValue::word("false"));
    REQUIRE(flag);
    CHECK_FALSE(combine(*flag, *flag));
}

TEST_CASE("an item goes after a given one in block and flow lists") {
    std::string text = "contracts: [{id: a}, {id: z}]\n";
    YamlParse p = parse_yaml(text);
    REQUIRE(p.document);
    EditableFile f{text, *p.document};
    auto ins = insert_after_item(f, node_at(*p.document, {"contracts"}), 0,
                                 YamlValue::mapping().add("id", YamlValue::word("b")));
    REQUIRE(ins);
    CHECK(apply_insertion(text, *ins) == "contracts: [{id: a}, {id: b}, {id: z}]\n");
    std::string block = "contracts:\n  - {id: a}  # first\n  # next\n  - {id: z}\n";
    YamlParse q = parse_yaml(block);
    REQUIRE(q.document);
    EditableFile g{block, *q.document};
    auto ins2 = insert_after_item(g, node_at(*q.document, {"contracts"}), 0,
                                  YamlValue::mapping().add("id", YamlValue::word("b")));
    REQUIRE(ins2);
    CHECK(apply_insertion(block, *ins2) ==
          "contracts:\n  - {id: a}  # first\n  - {id: b}\n  # next\n  - {id: z}\n");
}
