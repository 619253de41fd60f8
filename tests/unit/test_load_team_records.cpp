// Reading requests, changes and the sla (SPEC 2.7-2.9): every diagnostic
// with its position, and what loads.
#include <doctest/doctest.h>

#include "workspace_builder.h"

using namespace acctool;
using acctool::testing::build;
using Lines = std::vector<std::string>;

static Date d(const char* s) {
    return *parse_date(s);
}

static Lines diagnostics(const testing::Built& b) {
    Lines out;
    for (const auto& x : b.diagnostics)
        out.push_back(fmt::format("{}:{}:{}: {}: {}", x.where.file, x.where.line, x.where.column,
                                  x.severity == Severity::error ? "error" : "warning", x.message));
    return out;
}

static const std::string head = "name: O\ncadence: none\ncontracts: [{id: k}]\n";

TEST_CASE("a request reads like a task: every field, defaults, and the id declared") {
    auto b = build({{"o/client.yaml", head + "requests:\n"
                                             "  - id: r1\n"
                                             "    date: 2026-11-20\n"
                                             "    title: Copy\n"
                                             "    from: Mia\n"
                                             "    priority: high\n"
                                             "    to: anna\n"
                                             "    acked: 2026-11-20\n"
                                             "    due: 2026-11-30\n"
                                             "    done: 2026-11-29\n"
                                             "    told: 2026-11-29\n"
                                             "    notes: fine\n"
                                             "  - {date: 2026-11-21, title: Plain}\n"}},
                   "", d("2026-11-27"));
    CHECK(diagnostics(b).empty());
    const Client& c = b.ws.clients.at(0);
    REQUIRE(c.requests.size() == 2);
    const Request& r = c.requests[0];
    CHECK(r.id == "r1");
    CHECK(r.from == "Mia");
    CHECK(r.priority == Priority::high);
    CHECK(r.to == std::optional<std::string>("anna"));
    CHECK(r.due == d("2026-11-30"));
    CHECK(r.told == d("2026-11-29"));
    CHECK(r.notes == "fine");
    CHECK(r.at.line == 5);
    CHECK(c.requests[1].priority == Priority::normal);
    CHECK_FALSE(c.requests[1].to);
    CHECK(c.declared_requests == std::set<std::string>{"r1"});
}

TEST_CASE("a change reads its budget in the contract's currency, signed") {
    auto b =
        build({{"o/client.yaml",
                "name: O\ncadence: none\n"
                "contracts: [{id: k, value: {amount: 100, currency: JPY, per: month}}]\n"
                "requests: [{id: r1, date: 2026-11-20, title: A}]\n"},
               {"o/z.yaml",
                "changes:\n"
                "  - {date: 2026-11-20, by: client, title: Less, contract: k, request: r1, "
                "budget: -1500}\n"
                "  - {date: 2026-11-20, by: team, title: More, budget: +10.5}\n"
                "  - {date: 2026-11-20, by: team, title: Dollars, budget: 7, currency: USD}\n"}},
              "", d("2026-11-27"));
    CHECK(diagnostics(b).empty());
    const auto& x = b.ws.clients.at(0).changes;
    REQUIRE(x.size() == 3);
    CHECK(x[0].budget->minor == -1500);
    CHECK(x[0].budget->currency.code == "JPY");
    CHECK(x[0].request == std::optional<std::string>("r1"));
    CHECK(x[1].budget->minor == 1050);
    CHECK(x[1].budget->currency.code == "EUR");
    CHECK(x[2].budget->minor == 700);
    CHECK(x[2].status == ChangeStatus::proposed);
}
