// The report's request and change figures and workload's request and change
// time, on a small workspace worked out by hand.
#include <doctest/doctest.h>

#include "acct/report/team_figures.h"
#include "acct/report/workload.h"
#include "workspace_builder.h"

using namespace acctool;
using acctool::testing::build;

static Date d(const char* s) {
    return *parse_date(s);
}

// November 2026, as of Fri 11-27 (before the month's end, so the open
// requests are counted on 11-27).
static testing::Built november() {
    return build(
        {{"a/client.yaml",
          "name: A\nowner: anna\ncadence: none\ncontracts: [{id: k}]\n"
          "requests:\n"
          // received 11-02, acked 11-03 (1 day), done 11-10 (8 days), by its due 11-12: on time
          "  - {date: 2026-11-02, title: R1, acked: 2026-11-03, due: 2026-11-12, done: "
          "2026-11-10}\n"
          // received 11-05, acked the same day (0), done 11-20 (15 days); no due: SLA resolve
          // 10d = Sun 11-15 -> Mon 11-16: late
          "  - {date: 2026-11-05, title: R2, acked: 2026-11-05, done: 2026-11-20}\n"
          // received in October, acked 11-02 (6 days), open on 11-27 at 31 days
          "  - {date: 2026-10-27, title: R3, acked: 2026-11-02}\n"
          // received 11-20, open at 7 days
          "  - {date: 2026-11-20, title: R4}\n"
          // received 11-01, dropped 11-03: neither open nor delivered
          "  - {date: 2026-11-01, title: R5, dropped: 2026-11-03}\n"
          // received 11-15 (12 days): open; delivered after the as-of date: still open then
          "  - {date: 2026-11-15, title: R6, done: 2026-11-30}\n"
          "changes:\n"
          "  - {date: 2026-11-02, by: client, title: C1, budget: 100, status: approved, sent: "
          "2026-11-02, decided: 2026-11-03}\n"
          "  - {date: 2026-11-04, by: client, title: C2, budget: -30.50, status: approved, sent: "
          "2026-11-04, decided: 2026-11-06}\n"
          "  - {date: 2026-10-20, by: team, title: C3, budget: 999, status: approved, sent: "
          "2026-10-20, decided: 2026-10-30}\n"
          "  - {date: 2026-11-07, by: team, title: C4, status: rejected, sent: 2026-11-08, "
          "decided: 2026-11-09}\n"
          "  - {date: 2026-11-10, by: team, title: C5, status: withdrawn, decided: 2026-11-11}\n"
          "  - {date: 2026-11-12, by: client, title: C6, budget: 5, currency: USD, status: "
          "approved, sent: 2026-11-12, decided: 2026-11-13}\n"}},
        "", d("2026-11-27"));
}

TEST_CASE("request figures of a month") {
    auto b = november();
    REQUIRE(b.diagnostics.empty());
    TeamFigures t = team_figures(b.ws, d("2026-11-01"), d("2026-11-30"), d("2026-11-27"));
    const RequestFigures& r = t.requests;
    CHECK(r.received == 5);   // R1, R2, R4, R5, R6; R3 is October's
    CHECK(r.delivered == 3);  // R1, R2, and R6 on 11-30: records are not filtered by T
    // Acknowledged in November: R2 0, R1 1, R3 6 days: the middle is 1.
    CHECK(r.median_days_to_ack == 1);
    // Delivered: R1 8, R2 15, R6 15 days (11-15 to 11-30): 15.
    CHECK(r.median_days_to_deliver == 15);
    // On time: R1 (by its due). Late: R2 (SLA 11-16), R6 (SLA Wed 11-25).
    CHECK(r.delivered_on_time == 1);
    CHECK(percent(r.delivered_on_time, r.delivered) == std::optional<std::string>("33.3"));
    // Open on 11-27: R4 at 7 days, R6 at 12, R3 at 31.
    CHECK(r.open_by_age == std::array<int, 3>{1, 1, 1});
}

TEST_CASE("change figures of a month: raised, decided, approved budget per currency") {
    auto b = november();
    const ChangeFigures& c =
        team_figures(b.ws, d("2026-11-01"), d("2026-11-30"), d("2026-11-27")).changes;
    CHECK(c.by_client == 3);  // C1, C2, C6
    CHECK(c.by_team == 2);    // C4, C5; C3 was raised in October
    CHECK(c.approved == 3);   // C1, C2, C6; C3 was decided in October
    CHECK(c.rejected == 1);
    CHECK(c.withdrawn == 1);
    REQUIRE(c.approved_budget.size() == 2);
    CHECK(format_amount(c.approved_budget.at("EUR")) == "69.50");  // 100 - 30.50
    CHECK(format_amount(c.approved_budget.at("USD")) == "5.00");
}

TEST_CASE("a median of an even count is the lower middle; nothing gives none") {
    auto b = build({{"a/client.yaml",
                     "name: A\ncadence: none\ncontracts: [{id: k}]\nrequests:\n"
                     "  - {date: 2026-11-02, title: R1, acked: 2026-11-04}\n"
                     "  - {date: 2026-11-02, title: R2, acked: 2026-11-09}\n"}},
                   "", d("2026-11-27"));
    TeamFigures t = team_figures(b.ws, d("2026-11-01"), d("2026-11-30"), d("2026-11-27"));
    CHECK(t.requests.median_days_to_ack == 2);  // 2 and 7
    CHECK_FALSE(t.requests.median_days_to_deliver);
    CHECK_FALSE(percent(0, 0));
    CHECK(percent(2, 3) == std::optional<std::string>("66.7"));
    CHECK(percent(1, 8) == std::optional<std::string>("12.5"));
    // A period after the as-of date has no open requests yet.
    CHECK(team_figures(b.ws, d("2026-12-01"), d("2026-12-31"), d("2026-11-27"))
              .requests.open_by_age == std::array<int, 3>{0, 0, 0});
}

TEST_CASE("workload counts the requests and changes of the last 90 days, a third a month") {
    auto b = november();
    Workload w = build_workload(b.ws, d("2026-11-27"), std::nullopt);
    REQUIRE(w.total.clients.size() == 1);
    const ClientLoad& a = w.total.clients[0];
    // From 2026-08-30 to 11-27: all 6 requests and all 6 changes: 2 a month each.
    CHECK(a.requests == doctest::Approx(2.0));
    CHECK(a.changes == doctest::Approx(2.0));
    CHECK(a.request_minutes == 20);
    CHECK(a.change_minutes == 30);
    CHECK(a.expected() == doctest::Approx(2 * 20 + 2 * 30));  // no cadence, reports or invoices
    // 90 days after the oldest (10-20 + 90 = 2027-01-18) it is out.
    Workload later = build_workload(b.ws, d("2027-01-18"), std::nullopt);
    CHECK(later.total.clients[0].changes == doctest::Approx(5.0 / 3));
}
