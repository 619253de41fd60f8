#include <doctest/doctest.h>

#include "workspace_builder.h"

using namespace acctool;
using acctool::testing::build;
using acctool::testing::due_lines;
using Lines = std::vector<std::string>;

static Date d(const char* s) {
    return *parse_date(s);
}
static const Period week{7, PeriodUnit::day};

TEST_CASE("the latest interaction decides: a later note drops an earlier follow-up") {
    auto b = build({{"a/client.yaml", "name: A\ncadence: 2w\ncontracts: [{id: k}]\n"},
                    {"a/log.yaml",
                     "interactions:\n"
                     "  - {date: 2026-11-01, kind: call, next: 2026-11-10}\n"
                     "  - {date: 2026-11-05, kind: note}\n"}},
                   "", d("2026-11-27"));
    CHECK(due_lines(b.ws, d("2026-11-27"), week) == Lines{"a touch-base 2026-11-19 2026-11-05 -8"});
}

TEST_CASE("ties on one date: the last in file order wins, client.yaml among the files") {
    // a.yaml < client.yaml < z.yaml in byte order.
    auto b =
        build({{"c/a.yaml", "interactions: [{date: 2026-11-20, kind: call, next: 2026-11-21}]\n"},
               {"c/client.yaml",
                "name: C\ncontracts: [{id: k}]\n"
                "interactions: [{date: 2026-11-20, kind: call, next: 2026-11-22}]\n"},
               {"c/z.yaml",
                "interactions:\n"
                "  - {date: 2026-11-20, kind: call, next: 2026-11-23}\n"
                "  - {date: 2026-11-20, kind: email, next: 2026-11-24}\n"}},
              "", d("2026-11-27"));
    CHECK(due_lines(b.ws, d("2026-11-27"), week) == Lines{"c follow-up 2026-11-24 2026-11-20 -3"});
}

TEST_CASE("touch-base without interactions: since + cadence, else today") {
    auto b = build(
        {{"a/client.yaml", "name: A\nsince: 2026-11-01\ncadence: monthly\ncontracts: [{id: k}]\n"},
         {"b/client.yaml", "name: B\ncontracts: [{id: k}]\n"},
         {"c/client.yaml", "name: C\nstatus: paused\n"},
         {"d/client.yaml", "name: D\ncadence: none\ncontracts: [{id: k}]\n"}},
        "", d("2026-11-27"));
    CHECK(due_lines(b.ws, d("2026-11-27"), week) ==
          Lines{"b touch-base 2026-11-27  0", "a touch-base 2026-12-01  4"});
}

TEST_CASE(
    "billing on day 31 clamps, since keeps earlier periods out, arrears bill the period after") {
    auto b = build(
        {{"a/client.yaml",
          "name: A\ncadence: none\ncontracts:\n"
          "  - {id: k, status: signed, start: 2026-01-31, end: 2026-12-31,\n"
          "     billing: {every: month, day: 31, since: 2026-10-01}}\n"
          "  - {id: q, status: signed, start: 2026-01-01, end: 2026-12-31,\n"
          "     value: {amount: 1000, per: month},\n"
          "     billing: {every: quarter, when: arrears, day: last}}\n"
          "invoices:\n"
          "  - {number: A-10, contract: k, period: 2026-10, issued: 2026-10-31, amount: 900, paid: "
          "2026-11-03}\n"
          "  - {number: Q-1, contract: q, issued: 2026-04-30, amount: 3000, paid: 2026-05-02}\n"
          "  - {number: Q-2, contract: q, issued: 2026-07-31, amount: 3000, paid: 2026-08-02}\n"}},
        "", d("2026-11-27"));
    // Q-1 issued in April defaults to the period before it (2026-Q1), Q-2 to 2026-Q2;
    // 2026-Q3 was due on its last day of the first month after: 2026-10-31.
    CHECK(due_lines(b.ws, d("2026-11-27"), week) ==
          Lines{"a invoice 2026-10-31 q/2026-Q3 -27", "a invoice 2026-11-30 k/2026-11 3",
                "a renewal 2026-12-31 k 34", "a renewal 2026-12-31 q 34"});
    auto items = find_due(b.ws, DueOptions{d("2026-11-27"), week});
    REQUIRE(items[0].amount);
    CHECK(format_amount(*items[0].amount) == "3000.00");
}

TEST_CASE("an issue date is never before start, once-billing waits for billing.on") {
    auto b =
        build({{"a/client.yaml",
                "name: A\ncadence: none\ncontracts:\n"
                "  - {id: m, status: signed, start: 2026-11-15, billing: {every: month}}\n"
                "  - {id: o, status: signed, start: 2026-11-01, value: {amount: 500, per: once},\n"
                "     billing: {every: once, on: 2026-11-20}}\n"}},
              "", d("2026-11-27"));
    CHECK(due_lines(b.ws, d("2026-11-27"), week) == Lines{"a invoice 2026-11-15 m/2026-11 -12",
                                                          "a invoice 2026-11-20 o/once -7",
                                                          "a invoice 2026-12-01 m/2026-12 4"});
}

TEST_CASE(
    "auto-renewal rolls forward by term, the notice deadline moves back off weekends and "
    "holidays") {
    const char* client =
        "name: B\ncadence: none\ncontracts:\n"
        "  - {id: h, status: signed, start: 2025-01-01, end: 2025-12-29,\n"
        "     renewal: {auto: true, notice: 30d, lead: 90d}}\n";
    auto b = build({{"b/client.yaml", client}}, "", d("2026-11-27"));
    // 2026-12-29 - 30d = 2026-11-29, a Sunday: back to Friday 2026-11-27.
    CHECK(due_lines(b.ws, d("2026-11-27"), week) == Lines{"b notice 2026-11-27 h 0"});
    auto holiday =
        build({{"b/client.yaml", client}}, "holidays: [2026-11-27, 2026-11-26]\n", d("2026-11-27"));
    CHECK(due_lines(holiday.ws, d("2026-11-27"), week) == Lines{"b notice 2026-11-25 h -2"});
    // E is chosen before the move: on Saturday the deadline is still Friday's, overdue.
    CHECK(due_lines(b.ws, d("2026-11-28"), week) == Lines{"b notice 2026-11-27 h -1"});
    // From Monday the next deadline is a year on: 2027-11-29 (Mon), listed from 90 days before.
    CHECK(due_lines(b.ws, d("2026-11-30"), week).empty());
    CHECK(due_lines(b.ws, d("2027-09-01"), week) == Lines{"b notice 2027-11-29 h 89"});
}

TEST_CASE("monthly terms roll with clamped additions to end, not step by step") {
    auto b = build({{"b/client.yaml",
                     "name: B\ncadence: none\ncontracts:\n"
                     "  - {id: h, status: signed, start: 2025-01-01, end: 2026-01-31,\n"
                     "     renewal: {auto: true, term: 1mo, notice: 1d, lead: 10d}}\n"}},
                   "", d("2026-03-20"));
    // end + 1mo = 02-28, end + 2mo = 03-31 (not 03-28): deadline 03-30, a Monday.
    CHECK(due_lines(b.ws, d("2026-03-20"), week) == Lines{"b notice 2026-03-30 h 10"});
}

TEST_CASE("renewal uses the contract's lead, renewed_by and auto-renewal silence it") {
    auto b = build(
        {{"r/client.yaml",
          "name: R\ncadence: none\ncontracts:\n"
          "  - {id: a, status: signed, start: 2026-01-01, end: 2027-01-20, renewal: {lead: 60d}}\n"
          "  - {id: b, status: signed, start: 2026-01-01, end: 2027-01-20, renewal: {lead: 30d}}\n"
          "  - {id: c, status: signed, start: 2026-01-01, end: 2026-12-01, renewal: {renewed_by: "
          "a}}\n"}},
        "", d("2026-11-27"));
    CHECK(due_lines(b.ws, d("2026-11-27"), week) == Lines{"r renewal 2027-01-20 a 54"});
}

TEST_CASE("signature: a draft goes out send_before its start, a sent one is chased") {
    auto b = build({{"p/client.yaml",
                     "name: P\nstatus: prospect\ncontracts:\n"
                     "  - {id: pilot, status: draft, start: 2026-12-15}\n"
                     "  - {id: main, status: sent, sent: 2026-11-18}\n"}},
                   "", d("2026-11-27"));
    CHECK(due_lines(b.ws, d("2026-11-27"), week) ==
          Lines{"p signature 2026-11-25 main -2", "p signature 2026-12-01 pilot 4"});
}

TEST_CASE("payments: partial payments leave a balance, paid settles, void drops it") {
    auto b = build(
        {{"g/client.yaml",
          "name: G\ncadence: none\ncontracts: [{id: k}]\ninvoices:\n"
          "  - {number: G-1, issued: 2026-10-01, amount: 100.00,\n"
          "     payments: [{date: 2026-10-10, amount: 0.10}, {date: 2026-10-20, amount: 99.90}]}\n"
          "  - {number: G-2, issued: 2026-11-01, amount: 50.00, payments: [{date: 2026-11-02, "
          "amount: 20}]}\n"
          "  - {number: G-3, issued: 2026-11-01, amount: 50.00, paid: 2026-11-05}\n"
          "  - {number: G-4, issued: 2026-11-01, amount: 50.00, status: void}\n"}},
        "defaults: {terms: 30d}\n", d("2026-11-27"));
    auto items = find_due(b.ws, DueOptions{d("2026-11-27"), week});
    REQUIRE(items.size() == 1);
    CHECK(items[0].subject == "G-2");
    CHECK(items[0].due == d("2026-12-01"));
    CHECK(format_amount(*items[0].amount) == "30.00");
}

TEST_CASE("report: latest report interaction, else since, else today") {
    auto b = build(
        {{"a/client.yaml",
          "name: A\ncadence: none\nreporting: monthly\ncontracts: [{id: k}]\n"
          "interactions: [{date: 2026-10-30, kind: report}, {date: 2026-11-20, kind: call}]\n"},
         {"b/client.yaml", "name: B\ncadence: none\nreporting: 2w\ncontracts: [{id: k}]\n"}},
        "", d("2026-11-27"));
    CHECK(due_lines(b.ws, d("2026-11-27"), week) == Lines{"a report 2026-11-30  3"});
    CHECK(due_lines(b.ws, d("2026-11-27"), Period{2, PeriodUnit::week}) ==
          Lines{"a report 2026-11-30  3", "b report 2026-12-11  14"});
}

TEST_CASE("tasks apply to every status, done ones drop out") {
    auto b = build({{"f/client.yaml",
                     "name: F\nstatus: former\ntasks:\n"
                     "  - {title: Archive files, due: 2026-11-20}\n"
                     "  - {title: Send thanks, due: 2026-11-20, done: 2026-11-21}\n"}},
                   "", d("2026-11-27"));
    CHECK(due_lines(b.ws, d("2026-11-27"), week) == Lines{"f task 2026-11-20 Archive files -7"});
}

TEST_CASE("items sort by due, client, kind order, subject") {
    auto b =
        build({{"b/client.yaml",
                "name: B\ncadence: none\ntasks: [{title: z, due: 2026-11-27}, {title: a, due: "
                "2026-11-27}]\n"
                "interactions: [{date: 2026-11-01, kind: call, next: 2026-11-27}]\n"},
               {"a/client.yaml", "name: A\ncadence: none\ntasks: [{title: t, due: 2026-11-27}]\n"}},
              "", d("2026-11-27"));
    CHECK(due_lines(b.ws, d("2026-11-27"), week) ==
          Lines{"a task 2026-11-27 t 0", "b follow-up 2026-11-27 2026-11-01 0",
                "b task 2026-11-27 a 0", "b task 2026-11-27 z 0"});
}
