#include <doctest/doctest.h>

#include "acct/load/yaml_tree.h"
#include "workspace_builder.h"

using namespace acctool;
using acctool::testing::build;

static Date d(const char* s) {
    return *parse_date(s);
}

// "line:col: error: message" for each diagnostic of one client.yaml text.
static std::vector<std::string> check_client(const std::string& text) {
    auto b = build({{"c/client.yaml", text}}, "", d("2026-11-27"));
    std::vector<std::string> out;
    for (const auto& x : b.diagnostics)
        out.push_back(fmt::format("{}:{}: {}: {}", x.where.line, x.where.column,
                                  x.severity == Severity::error ? "error" : "warning", x.message));
    return out;
}

static std::string yaml_error(std::string_view text) {
    YamlParse p = parse_yaml(text);
    return p.document ? "" : fmt::format("{}: {}", p.error.pos, p.error.message);
}

TEST_CASE("yaml-cpp's leniencies are caught with a position") {
    CHECK(yaml_error("name: A\n---\nname: B\n") ==
          "8: a second document starts here; acct reads one document per file");
    CHECK(yaml_error("a: \"open\nb: 1\n") == "3: this double-quoted string is never closed");
    CHECK(yaml_error(",") == "0: expected a mapping of keys and values, found ','");
    CHECK(yaml_error("a: &x [1, *x]\n") ==
          "10: this alias refers to a node that contains it (a cycle)");
    CHECK(yaml_error("a: 1\nstatus active\n") ==
          "5: 'status active' has no ':' after the key; write 'key: value'");
    // yaml-cpp opens a mapping and a list for each `[`: the limit trips at offset 32.
    CHECK(yaml_error(std::string(200, '[')) == "32: nesting deeper than 64 levels");
    std::string bomb = "a: &a [x,x,x,x,x,x,x,x,x,x]\n";
    for (char c = 'b'; c <= 'f'; ++c)
        bomb += fmt::format("{0}: &{0} [*{1},*{1},*{1},*{1},*{1},*{1},*{1},*{1},*{1},*{1}]\n", c,
                            static_cast<char>(c - 1));
    CHECK(yaml_error(bomb).find("aliases expand past 100000 nodes") != std::string::npos);
    CHECK(yaml_error("# only a comment\n---\n...\n").empty());
    CHECK(parse_yaml("---\n").document->empty);
}

TEST_CASE("duplicate keys: the later is an error and ignored, the first stands") {
    auto b =
        build({{"c/client.yaml", "name: A\nname: B\ncontracts: [{id: k}]\n"}}, "", d("2026-11-27"));
    REQUIRE(b.diagnostics.size() == 1);
    CHECK(b.diagnostics[0].where.line == 2);
    CHECK(b.diagnostics[0].message ==
          "duplicate key 'name', first at line 1 (this one is ignored)");
    CHECK(b.ws.clients[0].name == "A");
}

TEST_CASE("bad values point at the value, missing fields at the record's first key") {
    CHECK(check_client("name: A\nsince: 2025-02-29\ncontracts: [{id: k}]\n") ==
          std::vector<std::string>{"2:8: error: since: '2025-02-29' is not a real date: 2025-02 "
                                   "has 28 days (the default applies)"});
    CHECK(check_client("name: A\ncontracts:\n  - title: T\n    status: singed\n") ==
          std::vector<std::string>{"1:1: warning: active client 'c' has no contract",
                                   "3:5: error: missing 'id' (the contract is skipped)",
                                   "4:13: error: status: unknown value 'singed'; did you mean "
                                   "'signed'? (the contract is skipped)"});
    CHECK(check_client("name: A\nstauts: active\ncontracts: [{id: k}]\n") ==
          std::vector<std::string>{
              "2:1: warning: unknown key 'stauts' in client.yaml; did you mean 'status'?"});
    CHECK(check_client("name: A\ncadence: 2W\ncontracts: [{id: k}]\n") ==
          std::vector<std::string>{"2:10: error: cadence: '2W': units are lower case: did you mean "
                                   "'2w'? (the default applies)"});
}

TEST_CASE("columns count characters, not bytes") {
    CHECK(
        check_client("name: ООО «Ромашка»\nstatus: актив\ncontracts: [{id: k}]\n") ==
        std::vector<std::string>{
            "2:9: error: status: unknown value 'актив'; expected one of prospect, active, paused, "
            "former (the default applies)"});
}

TEST_CASE("a skipped contract's id still counts, so its invoices are not dangling") {
    auto b = build({{"c/client.yaml",
                     "name: A\ncontracts:\n  - {id: k, status: sent}\n"
                     "invoices:\n  - {number: 1, contract: k, issued: 2026-11-01, amount: 10}\n"
                     "  - {number: 2, contract: x, issued: 2026-11-01, amount: 10}\n"}},
                   "", d("2026-11-27"));
    REQUIRE(b.diagnostics.size() == 2);
    CHECK(b.diagnostics[0].message == "missing 'sent' (the contract is skipped)");
    CHECK(b.diagnostics[1].message ==
          "contract: no contract 'x' in client 'c' (the invoice is skipped)");
    REQUIRE(b.ws.clients[0].invoices.size() == 1);
    CHECK(b.ws.clients[0].invoices[0].number == "1");
}

TEST_CASE("invoice amounts follow their contract's currency, which may be in another file") {
    auto b = build(
        {{"c/client.yaml",
          "name: A\ncontracts: [{id: k, value: {amount: 1000, currency: JPY, per: month}}]\n"},
         {"c/money.yaml",
          "invoices:\n  - {number: 1, contract: k, issued: 2026-11-01, amount: 1000.5}\n"
          "  - {number: 2, contract: k, issued: 2026-11-01, amount: 1000}\n"}},
        "", d("2026-11-27"));
    REQUIRE(b.diagnostics.size() == 1);
    CHECK(b.diagnostics[0].where.file == "c/money.yaml");
    CHECK(b.diagnostics[0].message ==
          "amount: JPY has no minor unit: write a whole number (the invoice is skipped)");
    CHECK(format_amount(b.ws.clients[0].invoices[0].amount) == "1000");
}

TEST_CASE("duplicate invoice numbers across the workspace: the later path is skipped") {
    auto b = build({{"a/client.yaml",
                     "name: A\ncontracts: [{id: k}]\ninvoices: [{number: X, issued: 2026-11-01, "
                     "amount: 1}]\n"},
                    {"b/client.yaml",
                     "name: B\ncontracts: [{id: k}]\ninvoices: [{number: X, issued: 2026-11-01, "
                     "amount: 2}]\n"}},
                   "", d("2026-11-27"));
    REQUIRE(b.diagnostics.size() == 1);
    CHECK(b.diagnostics[0].where.file == "b/client.yaml");
    CHECK(b.diagnostics[0].message ==
          "duplicate invoice number 'X', first at a/client.yaml:3 (this one is skipped)");
    CHECK(b.ws.clients[1].invoices.empty());
}

TEST_CASE("the warnings of SPEC 2.7") {
    auto lines = check_client(
        "name: A\n"
        "contracts:\n"
        "  - {id: k, status: draft, signed: 2026-01-01, start: 2026-02-01, end: 2026-01-01}\n"
        "invoices:\n"
        "  - {number: 1, contract: k, issued: 2026-11-01, amount: 10, payments: [{date: "
        "2026-11-02, amount: 11}]}\n"
        "interactions:\n"
        "  - {date: 2026-12-01, kind: call}\n");
    CHECK(lines ==
          std::vector<std::string>{
              "3:6: warning: contract 'k' ends (2026-01-01) before it starts (2026-02-01)",
              "3:6: warning: contract 'k' is a draft but has a signed date; the status decides",
              "5:6: warning: invoice 1: payments of 11.00 EUR exceed its amount 10.00 EUR",
              "7:12: warning: interaction dated 2026-12-01, after the as-of date 2026-11-27"});
    CHECK(check_client("name: A\n") ==
          std::vector<std::string>{"1:1: warning: active client 'c' has no contract"});
}

TEST_CASE("a file with more nodes than the limit is refused at the node past it") {
    YamlLimits limits;
    limits.max_nodes = 10;
    // The mapping, its key, the list and 7 items are 10 nodes; the 8th item is one too many.
    YamlParse p = parse_yaml("tags: [1, 2, 3, 4, 5, 6, 7, 8]\n", limits);
    REQUIRE(!p.document);
    CHECK(p.error.message == "more than 10 YAML nodes; split the file");
    CHECK(p.error.pos == 28);
    CHECK(parse_yaml("tags: [1, 2, 3, 4, 5, 6, 7]\n", limits).document);
}
