#include <doctest/doctest.h>

#include "acct/write/insert.h"

using namespace acctool;

namespace {

YamlValue interaction() {
    YamlValue v = YamlValue::mapping();
    v.add("date", YamlValue::word("2026-11-27")).add("kind", YamlValue::word("call"));
    return v;
}

// The file after appending an interaction, or "refused: why". Also checks
// that the new tree is the old one plus exactly the record.
std::string append(std::string_view text, std::string_view section = "interactions") {
    YamlParse old_parse = parse_yaml(text.substr(text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0));
    REQUIRE(old_parse.document);
    auto ins = append_to_section(EditableFile{text, *old_parse.document}, section, interaction());
    if (!ins) return "refused: " + ins.error();
    std::string out = apply_insertion(text, *ins);
    std::string_view body = std::string_view(out).substr(out.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0);
    YamlParse new_parse = parse_yaml(body);
    REQUIRE(new_parse.document);
    CHECK(has_only_the_change(*old_parse.document, *new_parse.document, *ins));
    CHECK(out.substr(ins->record, 5) == "date:");
    return out;
}

// The value as a reader takes it back from `k: VALUE`.
std::string read_back(const YamlValue& v) {
    YamlParse p = parse_yaml("k: " + emit_flow(v) + "\n");
    REQUIRE(p.document);
    const YamlNode* k = map_get(*p.document, p.document->node(p.document->root), "k");
    REQUIRE(k);
    return k->value;
}

}  // namespace

TEST_CASE("a record goes after the last line of a block list, comments kept") {
    CHECK(
        append(
            "a: 1\ninteractions:\n  - date: 2026-11-01\n    kind: note  # x\n  # old\n\nb: 2\n") ==
        "a: 1\ninteractions:\n  - date: 2026-11-01\n    kind: note  # x\n"
        "  - date: 2026-11-27\n    kind: call\n  # old\n\nb: 2\n");
}

TEST_CASE("a compact list and odd indentation are followed") {
    CHECK(append("interactions:\n- date: 2026-11-01\n  kind: note\n") ==
          "interactions:\n- date: 2026-11-01\n  kind: note\n- date: 2026-11-27\n  kind: call\n");
    CHECK(append("interactions:\n    -   date: 2026-11-01\n        kind: note\n") ==
          "interactions:\n    -   date: 2026-11-01\n        kind: note\n"
          "    -   date: 2026-11-27\n        kind: call\n");
}

TEST_CASE("a list written one flow item a line gets one more such line") {
    CHECK(append("interactions:\n  - {date: 2026-11-01, kind: note}\n") ==
          "interactions:\n  - {date: 2026-11-01, kind: note}\n"
          "  - {date: 2026-11-27, kind: call}\n");
}

TEST_CASE("a flow list gets the record before its bracket") {
    CHECK(append("interactions: []\n") == "interactions: [{date: 2026-11-27, kind: call}]\n");
    CHECK(append("interactions: [{date: 2026-11-01, kind: note}]  # c\n") ==
          "interactions: [{date: 2026-11-01, kind: note}, {date: 2026-11-27, kind: call}]  # c\n");
    CHECK(append("interactions: [\n  {date: 2026-11-01, kind: note},  # a, [b]\n]\n") ==
          "interactions: [\n  {date: 2026-11-01, kind: note}, {date: 2026-11-27, kind: call}  "
          "# a, [b]\n]\n");
    CHECK(append("interactions: [{date: 2026-11-01, kind: note, summary: 'it''s ]'}]\n") ==
          "interactions: [{date: 2026-11-01, kind: note, summary: 'it''s ]'}, "
          "{date: 2026-11-27, kind: call}]\n");
}

TEST_CASE("line endings, a BOM and a missing final newline are kept") {
    CHECK(append("interactions:\r\n  - date: 2026-11-01\r\n    kind: note") ==
          "interactions:\r\n  - date: 2026-11-01\r\n    kind: note\r\n"
          "  - date: 2026-11-27\r\n    kind: call\r\n");
    CHECK(append("\xEF\xBB\xBFname: A\n") ==
          "\xEF\xBB\xBFname: A\ninteractions:\n  - date: 2026-11-27\n    kind: call\n");
}

TEST_CASE("a missing or empty section is created") {
    CHECK(append("") == "interactions:\n  - date: 2026-11-27\n    kind: call\n");
    CHECK(append("# only a comment") ==
          "# only a comment\ninteractions:\n  - date: 2026-11-27\n    kind: call\n");
    CHECK(append("name: A\n\n# last\n") ==
          "name: A\n\n# last\ninteractions:\n  - date: 2026-11-27\n    kind: call\n");
    CHECK(append("interactions:   # none yet\ntasks: []\n") ==
          "interactions:   # none yet\n  - date: 2026-11-27\n    kind: call\ntasks: []\n");
    CHECK(append("{name: A}\n") == "{name: A, interactions: [{date: 2026-11-27, kind: call}]}\n");
}

TEST_CASE("what cannot be changed by inserting lines is refused") {
    CHECK(append("interactions: ~\n") ==
          "refused: 'interactions' holds an explicit null; replace it with an empty list ([]) "
          "and try again");
    CHECK(append("interactions: none\n") == "refused: 'interactions' is text, not a list");
    CHECK(append("- a\n") == "refused: the file is not a mapping of sections");
}

TEST_CASE("a key is added to a record in block or flow style") {
    std::string text =
        "tasks:\n  - title: A\n    due: 2026-12-01\n    notes: |\n      x\n"
        "  - {title: B, due: 2026-12-02}\n";
    YamlParse p = parse_yaml(text);
    REQUIRE(p.document);
    const YamlNode* tasks = map_get(*p.document, p.document->node(p.document->root), "tasks");
    REQUIRE(tasks);
    auto first = add_key(EditableFile{text, *p.document}, tasks->items[0], "done",
                         YamlValue::word("2026-11-27"));
    REQUIRE(first);
    CHECK(apply_insertion(text, *first) ==
          "tasks:\n  - title: A\n    due: 2026-12-01\n    notes: |\n      x\n"
          "    done: 2026-11-27\n  - {title: B, due: 2026-12-02}\n");
    auto second = add_key(EditableFile{text, *p.document}, tasks->items[1], "done",
                          YamlValue::word("2026-11-27"));
    REQUIRE(second);
    CHECK(apply_insertion(text, *second) ==
          "tasks:\n  - title: A\n    due: 2026-12-01\n    notes: |\n      x\n"
          "  - {title: B, due: 2026-12-02, done: 2026-11-27}\n");
    auto again =
        add_key(EditableFile{text, *p.document}, tasks->items[0], "title", YamlValue::word("x"));
    CHECK(!again);
}

TEST_CASE("an edit that would change other values is caught") {
    // `|+` keeps its trailing blank lines: inserting before them changes the value.
    std::string text =
        "interactions:\n  - date: 2026-11-01\n    kind: note\n    summary: |+\n"
        "      x\n\n";
    YamlParse p = parse_yaml(text);
    REQUIRE(p.document);
    auto ins = append_to_section(EditableFile{text, *p.document}, "interactions", interaction());
    REQUIRE(ins);
    YamlParse after = parse_yaml(apply_insertion(text, *ins));
    REQUIRE(after.document);
    CHECK_FALSE(has_only_the_change(*p.document, *after.document, *ins));
}

TEST_CASE("text is quoted only when a plain scalar would read differently") {
    CHECK(emit_flow(YamlValue::text("Обсудили бюджет")) == "Обсудили бюджет");
    CHECK(emit_flow(YamlValue::text("a: b")) == "\"a: b\"");
    CHECK(emit_flow(YamlValue::text("x #y")) == "\"x #y\"");
    CHECK(emit_flow(YamlValue::text("a, b")) == "\"a, b\"");
    CHECK(emit_flow(YamlValue::text("null")) == "\"null\"");
    CHECK(emit_flow(YamlValue::text("- x")) == "\"- x\"");
    CHECK(emit_flow(YamlValue::text(" lead")) == "\" lead\"");
    CHECK(emit_flow(YamlValue::text("say \"hi\"\n\tand\x1b")) ==
          "\"say \\\"hi\\\"\\n\\tand\\x1b\"");
    CHECK(emit_flow(YamlValue::text("line\xE2\x80\xA8sep")) == "\"line\\Lsep\"");
    // Every one reads back as the same string.
    for (std::string s : {"a: b", "x #y", "a, b", "null", "- x", " lead", "say \"hi\"\n\tand\x1b",
                          "line\xE2\x80\xA8sep", "C1 \xC2\x85 here", "{x}", "'q'", "%p", "@a"})
        CHECK(read_back(YamlValue::text(s)) == s);
}

TEST_CASE("text another YAML reader would take for a number, date or word is quoted") {
    for (std::string s :
         {"0x1F",  "0003", "2027", "007",   "12345",      "1e3", "+1",  ".NaN", "-.inf", ".5",
          "1_000", "1:20", "0o17", "0b101", "2026-11-27", "yes", "off", "~",    "<<",    "="})
        CHECK_MESSAGE(emit_flow(YamlValue::text(s)) == "\"" + s + "\"", s);
    // Words and durations that no resolver matches stay plain.
    for (std::string s : {"2w", "1h30min", "Q4", "v1.2-beta", "10am"})
        CHECK_MESSAGE(emit_flow(YamlValue::text(s)) == s, s);
    // A flow list must not meet a bare `?`.
    CHECK(emit_flow(YamlValue::text("Any news on the menu?")) == "\"Any news on the menu?\"");
}

TEST_CASE("non-characters and C1 controls are escaped and read back") {
    std::string s = "x\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xB7\x90\xF0\x9F\xBF\xBE\xC2\x85y";
    CHECK(emit_flow(YamlValue::text(s)) == "\"x\\uFFFE\\uFFFF\\uFDD0\\U0001FFFE\\x85y\"");
    CHECK(read_back(YamlValue::text(s)) == s);
}

TEST_CASE("a new record follows its neighbour's quoting of the same key") {
    std::string text = "invoices:\n  - {number: \"A-1\", amount: 5}\n";
    YamlParse p = parse_yaml(text);
    REQUIRE(p.document);
    YamlValue inv = YamlValue::mapping();
    inv.add("number", YamlValue::text("A-2")).add("amount", YamlValue::word("7"));
    auto ins = append_to_section(EditableFile{text, *p.document}, "invoices", inv);
    REQUIRE(ins);
    CHECK(apply_insertion(text, *ins) ==
          "invoices:\n  - {number: \"A-1\", amount: 5}\n  - {number: \"A-2\", amount: 7}\n");
    YamlParse after = parse_yaml(apply_insertion(text, *ins));
    REQUIRE(after.document);
    CHECK(has_only_the_change(*p.document, *after.document, *ins));
}
