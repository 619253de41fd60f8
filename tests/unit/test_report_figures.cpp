#include <doctest/doctest.h>

#include <cmath>

#include "acct/report/portfolio.h"
#include "acct/report/workload.h"
#include "workspace_builder.h"

using namespace acctool;
using acctool::testing::build;

static Date d(const char* s) {
    return *parse_date(s);
}

TEST_CASE("workload figures, checked by hand") {
    auto b = build(
        {{"a/client.yaml",
          "name: A\nowner: anna\ncadence: 2w\nreporting: monthly\n"
          "contracts: [{id: k, status: signed, start: 2026-01-01, billing: {every: month}}]\n"
          "interactions:\n"
          "  - {date: 2026-11-01, kind: call, duration: 1h}\n"
          "  - {date: 2026-10-01, kind: meeting, duration: 30min}\n"
          "  - {date: 2026-11-15, kind: report, duration: 1h30min}\n"
          "  - {date: 2026-01-10, kind: call, duration: 8h}\n"},  // older than 180 days
         {"b/client.yaml",
          "name: B\nowner: anna\ncadence: monthly\n"
          "contracts: [{id: k, status: signed, start: 2026-01-01, billing: {every: quarter}}]\n"},
         {"c/client.yaml", "name: C\nowner: anna\nstatus: paused\n"}},
        "fte_hours: 100\ndefaults: {touch_time: 30min, invoice_time: 15min}\n", d("2026-11-27"));
    Workload w = build_workload(b.ws, d("2026-11-27"), std::nullopt);
    REQUIRE(w.owners.size() == 1);
    const OwnerLoad& anna = w.owners[0];
    REQUIRE(anna.clients.size() == 2);  // C is paused: not counted
    const ClientLoad& a = anna.clients[0];
    // A: 2w = 14 days; a month is 365.25/12 = 30.4375 days: 30.4375/14 = 2.174107 touches.
    CHECK(a.touches == doctest::Approx(2.174107).epsilon(1e-6));
    // Logged durations in the last 180 days: 60, 30, 90 min: 60 on average.
    CHECK(a.touch_minutes == doctest::Approx(60));
    CHECK(a.touch_measured);
    // One report a month, 90 min (the report's own average).
    CHECK(a.reports == doctest::Approx(1));
    CHECK(a.report_minutes == doctest::Approx(90));
    // One invoice a month × 15 min. A: 2.174107 × 60 + 90 + 15 = 235.446 min.
    CHECK(a.expected() == doctest::Approx(235.4464).epsilon(1e-6));
    // B: monthly, nothing logged: 1 × 30 (touch_time); a quarterly invoice: 1/3 × 15 = 5.
    CHECK(anna.clients[1].expected() == doctest::Approx(35));
    // Anna: 270.446 min = 4.5074 h a month; 4.5074 / 100 h = 0.0451 FTE.
    CHECK(anna.expected_minutes == doctest::Approx(270.4464).epsilon(1e-6));
    CHECK(anna.fte == doctest::Approx(0.045074).epsilon(1e-4));
    CHECK(anna.verdict == "fold account management into sales or project work (below 0.25)");
    // Logged in the last 90 days: 60 + 30 + 90 = 180 min over 90/30.4375 = 2.9569 months
    // = 60.875 min a month.
    CHECK(anna.logged_per_month == doctest::Approx(60.875));
    CHECK(verdict_for(0.25) == "a part-time account manager (0.25 to 0.75)");
    CHECK(verdict_for(0.76) == "a dedicated account manager (above 0.75)");
}

TEST_CASE("receivables aging, recurring value and collections, checked by hand") {
    auto b = build(
        {{"a/client.yaml",
          "name: A\n"
          "contracts:\n"
          "  - {id: q, status: signed, start: 2026-01-01, value: {amount: 1000, per: quarter}}\n"
          "  - {id: y, status: signed, start: 2026-01-01, value: {amount: 1200, per: year}}\n"
          "  - {id: o, status: signed, start: 2026-11-01, value: {amount: 5000, per: once}}\n"
          "  - {id: old, status: signed, start: 2025-01-01, end: 2025-12-31,\n"
          "     value: {amount: 999, per: month}}\n"
          "invoices:\n"
          // Days past due as of 2026-11-27 in the comments.
          "  - {number: I1, contract: q, issued: 2026-11-01, due: 2026-11-27, amount: 100}\n"  // 0
          "  - {number: I2, contract: q, issued: 2026-11-01, due: 2026-11-26, amount: 200}\n"  // 1
          "  - {number: I3, contract: q, issued: 2026-10-01, due: 2026-10-28, amount: 300}\n"  // 30
          "  - {number: I4, contract: q, issued: 2026-10-01, due: 2026-10-27, amount: 400}\n"  // 31
          "  - {number: I5, contract: q, issued: 2026-08-01, due: 2026-08-29, amount: 500}\n"  // 90
          "  - {number: I6, contract: q, issued: 2026-08-01, due: 2026-08-28, amount: 600}\n"  // 91
          "  - {number: I7, contract: q, issued: 2026-11-02, due: 2026-11-02, amount: 1000,\n"
          "     currency: JPY}\n"  // 25 days, in yen
          "  - {number: I8, contract: q, issued: 2026-11-03, amount: 150, paid: 2026-11-20,\n"
          "     payments: [{date: 2026-11-10, amount: 50}]}\n"
          "  - {number: I9, contract: q, issued: 2026-11-03, amount: 70, status: void}\n"}},
        "", d("2026-11-27"));
    auto period = parse_report_period("2026-11");
    REQUIRE(period);
    Report r = build_report(b.ws, *period, DueOptions{d("2026-11-27"), {7, PeriodUnit::day}});
    REQUIRE(r.aging.size() == 2);
    const AgingRow& eur = r.aging[0];
    CHECK(eur.currency.code == "EUR");
    // current 100; 1–30: 200 + 300 = 500; 31–60: 400; 61–90: 500; 90+: 600 (in cents).
    CHECK(eur.minor == std::array<std::int64_t, 5>{10000, 50000, 40000, 50000, 60000});
    CHECK(r.aging[1].currency.code == "JPY");
    CHECK(r.aging[1].minor == std::array<std::int64_t, 5>{0, 1000, 0, 0, 0});
    // Per month: 1000/3 + 1200/12 = 333.333... + 100 = 433.33 (twelfths summed, rounded once).
    REQUIRE(r.recurring_twelfths.count("EUR"));
    auto [currency, twelfths] = r.recurring_twelfths.at("EUR");
    CHECK(format_amount(monthly_money(currency, twelfths)) == "433.33");
    CHECK(format_amount(r.one_off.at("EUR")) == "5000.00");
    // Invoiced in November: I1 100 + I2 200 + I8 150 (I7 in yen apart, I9 void) = 450.
    CHECK(format_amount(r.invoiced.at("EUR")) == "450.00");
    CHECK(format_amount(r.invoiced.at("JPY")) == "1000");
    // Collected: I8's payment of 50, then `paid` settles the other 100.
    CHECK(format_amount(r.collected.at("EUR")) == "150.00");
}

TEST_CASE("report periods: a month, a quarter, a year") {
    CHECK(parse_report_period("2026-Q4")->first == d("2026-10-01"));
    CHECK(parse_report_period("2026-Q4")->last == d("2026-12-31"));
    CHECK(parse_report_period("2024-02")->last == d("2024-02-29"));
    CHECK(parse_report_period("2026")->last == d("2026-12-31"));
    CHECK(!parse_report_period("2026-13"));
    CHECK(!parse_report_period("once"));
}

TEST_CASE("workload counts invoices only while a billing period runs at the as-of date") {
    auto b = build({{"a/client.yaml",
                     "name: A\ncadence: none\n"
                     "contracts:\n"
                     // Stopped: ended in June without renewing itself.
                     "  - {id: stopped, status: signed, start: 2025-01-01, end: 2026-06-30,\n"
                     "     billing: {every: month}}\n"
                     // Renews by itself: still billing after its end.
                     "  - {id: renews, status: signed, start: 2025-01-01, end: 2026-06-30,\n"
                     "     renewal: {auto: true}, billing: {every: quarter}}\n"
                     // Not started: its first period is in March.
                     "  - {id: later, status: signed, start: 2027-03-01, billing: {every: month}}\n"
                     // Ends on the 1st of this month: November still holds a period.
                     "  - {id: ending, status: ended, start: 2026-01-01, end: 2026-11-01,\n"
                     "     billing: {every: year}}\n"}},
                   "", d("2026-11-27"));
    Workload w = build_workload(b.ws, d("2026-11-27"), std::nullopt);
    REQUIRE(w.owners.size() == 1);
    CHECK(w.owners[0].owner == "(no owner)");
    CHECK_FALSE(w.owners[0].named);
    // renews: 1/3 a month; ending: 1/12; stopped and later: none.
    CHECK(w.owners[0].clients[0].invoices == doctest::Approx(1.0 / 3 + 1.0 / 12));
}

TEST_CASE("a client never contacted is silent without a number of days") {
    auto b = build({{"a/client.yaml", "name: A\ncadence: 2w\n"},
                    {"b/client.yaml",
                     "name: B\ncadence: 2w\n"
                     "interactions: [{date: 2026-10-01, kind: call}]\n"}},
                   "", d("2026-11-27"));
    Report r = build_report(b.ws, month_of(d("2026-11-27")),
                            DueOptions{d("2026-11-27"), Period{7, PeriodUnit::day}});
    REQUIRE(r.silent.size() == 2);
    CHECK(r.silent[0].client->id == "a");
    CHECK_FALSE(r.silent[0].days.has_value());
    CHECK(r.silent[1].days == 57);  // 2026-10-01 to 2026-11-27
}
