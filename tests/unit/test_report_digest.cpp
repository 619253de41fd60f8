#include <doctest/doctest.h>

#include "acct/report/digest.h"
#include "workspace_builder.h"

using namespace acctool;
using acctool::testing::build;

static Date d(const char* s) {
    return *parse_date(s);
}

TEST_CASE("receivables add up per currency, overdue apart, never across currencies") {
    // Three unpaid invoices: EUR 1000 due 2026-11-15 (overdue on the 27th),
    // EUR 250.50 of 500.50 left (due 2026-12-05, not overdue), RUB 5000 overdue.
    // EUR: 1000 + 250.50 = 1250.50 outstanding, 1000.00 overdue, 2 invoices.
    auto b =
        build({{"a/client.yaml",
                "name: A\nowner: anna\ncontracts: [{id: k, status: signed, start: 2026-01-01}]\n"
                "invoices:\n"
                "  - {number: A1, contract: k, issued: 2026-11-01, amount: 1000}\n"
                "  - {number: A2, contract: k, issued: 2026-11-21, amount: 500.50,\n"
                "     payments: [{date: 2026-11-22, amount: 250}]}\n"
                "  - {number: A3, contract: k, issued: 2026-01-01, amount: 9, paid: 2026-01-02}\n"
                "  - {number: A4, contract: k, issued: 2026-01-01, amount: 9, status: void}\n"},
               {"b/client.yaml",
                "name: B\nowner: ben\ncontracts: [{id: k, status: signed, start: 2026-01-01}]\n"
                "invoices: [{number: B1, contract: k, issued: 2026-10-01, amount: 5000, "
                "currency: RUB}]\n"}},
              "", d("2026-11-27"));
    Digest all = build_digest(b.ws, b.diagnostics, {d("2026-11-27"), {7, PeriodUnit::day}, {}});
    REQUIRE(all.receivables.size() == 2);
    CHECK(all.receivables[0].outstanding.currency.code == "EUR");
    CHECK(format_amount(all.receivables[0].outstanding) == "1250.50");
    CHECK(format_amount(all.receivables[0].overdue) == "1000.00");
    CHECK(all.receivables[0].invoices == 2);
    CHECK(all.receivables[1].outstanding.currency.code == "RUB");
    CHECK(format_amount(all.receivables[1].outstanding) == "5000.00");

    Digest ben = build_digest(b.ws, b.diagnostics,
                              {d("2026-11-27"), {7, PeriodUnit::day}, std::string("ben")});
    REQUIRE(ben.receivables.size() == 1);
    CHECK(ben.receivables[0].outstanding.currency.code == "RUB");
    CHECK(ben.pressing());  // B1 is overdue
}

TEST_CASE("new today: listed from today, or due today; renewals within 90 days") {
    // The contract ends 2027-01-26: renewal due then, listed from 60 days
    // before, 2026-11-27, which is the as-of date.
    auto b = build({{"a/client.yaml",
                     "name: A\ncadence: none\ncontracts: [{id: k, status: signed, "
                     "start: 2026-01-01, end: 2027-01-26}]\n"
                     "tasks: [{title: T, due: 2026-11-27}, {title: U, due: 2026-11-30}]\n"}},
                   "", d("2026-11-27"));
    Digest g = build_digest(b.ws, b.diagnostics, {d("2026-11-27"), {7, PeriodUnit::day}, {}});
    std::vector<std::string> fresh;
    for (const auto& i : g.new_today)
        fresh.push_back(i.subject);
    CHECK(fresh == std::vector<std::string>{"T", "k"});
    REQUIRE(g.renewals.size() == 1);
    CHECK(g.renewals[0].due == d("2027-01-26"));
    CHECK(g.today.size() == 1);
    CHECK(g.upcoming.size() == 2);
}
