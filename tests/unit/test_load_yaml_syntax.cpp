#include <doctest/doctest.h>

#include "acct/load/yaml_tree.h"
#include "workspace_builder.h"

using namespace acctool;
using acctool::testing::build;

// "line:col: message" of the syntax error in `text`, or "" when it parses.
static std::string syntax_error(std::string_view text) {
    YamlParse p = parse_yaml(text);
    if (p.document) return "";
    SourceLocation l = SourceText("f.yaml", std::string(text)).locate(p.error.pos);
    return fmt::format("{}:{}: {}", l.line, l.column, p.error.message);
}

TEST_CASE("a line with no ':' is reported on its own line, not on the next") {
    // yaml-cpp: "3:6: illegal map value".
    CHECK(syntax_error("name: Acme\nstatus active\nsince: 2026-01-01\n") ==
          "2:1: 'status active' has no ':' after the key; write 'key: value'");
    CHECK(syntax_error("name Acme\nstatus: active\n") ==
          "1:1: 'name Acme' has no ':' after the key; write 'key: value'");
    CHECK(syntax_error("contracts:\n  - id: a\n    status signed\n    start: 2026-01-01\n") ==
          "3:5: 'status signed' has no ':' after the key; write 'key: value'");
    CHECK(syntax_error("contracts:\n  - id support-2026\n    status: signed\n") ==
          "2:5: 'id support-2026' has no ':' after the key; write 'key: value'");
    CHECK(syntax_error("name: A\ncontracts\n  - id: a\n") ==
          "2:1: 'contracts' has no ':' after the key; write 'key: value'");
    // A comment and a blank line in between; yaml-cpp: "end of map not found".
    CHECK(syntax_error("name: A\nstatus active  # hm\n\n# c\nsince: 2026-01-01\n") ==
          "2:1: 'status active' has no ':' after the key; write 'key: value'");
    CHECK(syntax_error("name: A\r\nstatus active\r\nsince: 2026-01-01\r\n") ==
          "2:1: 'status active' has no ':' after the key; write 'key: value'");
}

TEST_CASE("a tab in the indentation is named, at the tab") {
    // yaml-cpp: "illegal tab when looking for indentation", "illegal block entry".
    CHECK(syntax_error("name: A\n\tstatus: active\n") ==
          "2:1: a tab in the indentation (YAML allows only spaces)");
    CHECK(syntax_error("name: A\ncontracts:\n  - id: a\n  \tstatus: signed\n") ==
          "4:3: a tab in the indentation (YAML allows only spaces)");
    CHECK(syntax_error("name: A\ncontracts:\n\t- id: a\n") ==
          "3:1: a tab in the indentation (YAML allows only spaces)");
    // Tabs YAML does allow: after a key, inside a block scalar or a flow list.
    CHECK(syntax_error("name:\tA\n").empty());
    CHECK(syntax_error("notes: |\n  a\n  \tb\n").empty());
    CHECK(syntax_error("tags: [a,\n\tb]\n").empty());
}

TEST_CASE("other syntax errors keep their position, in plainer words where known") {
    CHECK(syntax_error("name: A\nnotes: long\n  text\nsince: a: b\n") ==
          "4:9: a ': ' inside a value; put the value in quotes");
    CHECK(syntax_error("a: 1\n b: 2\n") == "2:3: illegal map value");
}

static std::vector<std::string> messages(const std::map<std::string, std::string>& files,
                                         const char* as_of = "2026-11-27") {
    auto b = build(files, "", *parse_date(as_of));
    std::vector<std::string> out;
    for (const auto& x : b.diagnostics)
        out.push_back(
            fmt::format("{}:{}:{}: {}", x.where.file, x.where.line, x.where.column, x.message));
    return out;
}

TEST_CASE("errors that follow from a file that did not parse are folded into its error") {
    const std::string invoices =
        "invoices:\n"
        "  - {number: '1', contract: support-2026, issued: 2026-11-01, amount: 100}\n"
        "  - {number: '2', contract: support-2026, issued: 2026-10-01, amount: 100}\n";
    CHECK(messages({{"c/client.yaml",
                     "name: A\nstatus active\nsince: 2026-01-01\ncontracts:\n"
                     "  - {id: support-2026, status: signed}\n"},
                    {"c/log.yaml", invoices}}) ==
          std::vector<std::string>{
              "c/client.yaml:2:1: 'status active' has no ':' after the key; write 'key: value' "
              "(the file is ignored); 2 records that may refer to a contract in it are skipped "
              "too"});
    // The same reference with every file read is an error of its own.
    CHECK(messages({{"c/client.yaml", "name: A\ncontracts: [{id: other}]\n"},
                    {"c/log.yaml", invoices}}) ==
          std::vector<std::string>{
              "c/log.yaml:2:29: contract: no contract 'support-2026' in client 'c' (the invoice "
              "is skipped)",
              "c/log.yaml:3:29: contract: no contract 'support-2026' in client 'c' (the invoice "
              "is skipped)"});
    // A broken second file may hold the contracts: no "has no contract" warning.
    CHECK(messages({{"c/client.yaml", "name: A\n"}, {"c/deals.yaml", "contracts:\n\t- id: a\n"}}) ==
          std::vector<std::string>{
              "c/deals.yaml:2:1: a tab in the indentation (YAML allows only spaces) (the file is "
              "ignored)"});
}

TEST_CASE("a new client has 30 days from `since` before 'has no contract' (SPEC 2.7)") {
    const std::map<std::string, std::string> files{
        {"c/client.yaml", "name: A\nsince: 2026-10-28\n"}};
    // T − 30 = 2026-10-28: still within the month.
    CHECK(messages(files, "2026-11-27").empty());
    CHECK(messages(files, "2026-11-28") ==
          std::vector<std::string>{"c/client.yaml:1:1: active client 'c' has no contract"});
    CHECK(messages({{"c/client.yaml", "name: A\n"}}) ==
          std::vector<std::string>{"c/client.yaml:1:1: active client 'c' has no contract"});
    CHECK(messages({{"c/client.yaml", "name: A\nsince: 2027-01-01\n"}}).empty());
}
