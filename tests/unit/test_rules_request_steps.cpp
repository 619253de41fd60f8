// SLA dates (SPEC 2.8) and a request's item (SPEC 3), checked on generated
// cases: every date from 2026-01-01 on for a year, every priority, every
// SLA length from 0 to 40 days, with holidays in runs of one to three days.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "acct/rules/calendar.h"
#include "acct/rules/request_steps.h"
#include "workspace_builder.h"

using namespace acctool;
using acctool::testing::build;
using acctool::testing::due_lines;
using Lines = std::vector<std::string>;

static Date d(const char* s) {
    return *parse_date(s);
}

static Config with_holidays() {
    Config c;
    // Christmas to New Year, a Monday, a Friday, and a Thursday-Friday bridge.
    for (const char* h :
         {"2026-12-24", "2026-12-25", "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31",
          "2027-01-01", "2026-11-30", "2026-05-01", "2026-05-14", "2026-05-15"})
        c.holidays.insert(d(h));
    return c;
}

TEST_CASE(
    "an SLA date is never a day off, never before date + period, and the first working "
    "day from there") {
    const Config c = with_holidays();
    for (Date start = d("2026-01-01"); start < d("2027-01-01"); start = add_days(start, 1))
        for (int days = 0; days <= 40; ++days) {
            Period p{days, PeriodUnit::day};
            Date sla = sla_date(start, p, c);
            Date plain = add(start, p);
            CAPTURE(format_date(start));
            CAPTURE(days);
            REQUIRE_FALSE(is_day_off(sla, c));
            REQUIRE(plain <= sla);
            for (Date between = plain; between < sla; between = add_days(between, 1))
                REQUIRE(is_day_off(between, c));
        }
}

TEST_CASE("moving back for a notice and forward for an SLA use the same days off") {
    const Config c = with_holidays();
    CHECK(move_off_days_off(d("2026-11-28"), c, Direction::forward) == d("2026-12-01"));
    CHECK(move_off_days_off(d("2026-11-30"), c, Direction::back) == d("2026-11-27"));
    CHECK(move_off_days_off(d("2026-12-24"), c, Direction::forward) == d("2027-01-04"));
    CHECK(move_off_days_off(d("2026-12-24"), c, Direction::back) == d("2026-12-23"));
    CHECK(move_off_days_off(d("2026-11-27"), c, Direction::forward) == d("2026-11-27"));
}

TEST_CASE("a request's item is always its earliest outstanding step, the earlier step on a tie") {
    Config c = with_holidays();
    c.sla[static_cast<std::size_t>(Priority::urgent)].resolve = Period{0, PeriodUnit::day};
    std::mt19937 rng(12);  // fixed: the same cases on every run
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    auto maybe_date = [&](Date from) -> std::optional<Date> {
        if (pick(2) == 0) return std::nullopt;
        return add_days(from, pick(40) - 5);
    };
    for (int n = 0; n < 20000; ++n) {
        Request r;
        r.date = add_days(d("2026-01-01"), pick(365));
        r.priority = static_cast<Priority>(pick(4));
        r.acked = maybe_date(r.date);
        if (pick(2)) r.to = "anna";
        r.due = maybe_date(r.date);
        if (pick(3) == 0) r.done = maybe_date(r.date);
        if (r.done && pick(2)) r.told = r.done;
        if (!r.done && pick(8) == 0) r.dropped = r.date;
        CAPTURE(format_date(r.date));
        RequestSteps s = request_steps(r, c);
        if (r.dropped || (r.done && r.told)) {
            REQUIRE_FALSE(s.item);
            continue;
        }
        REQUIRE(s.item);
        if (r.done) {
            REQUIRE(s.item->step == RequestStep::tell);
            REQUIRE(s.item->due == *r.done);
            continue;
        }
        // Work the steps out again, straight from SPEC 3.
        const Sla& sla = c.sla[static_cast<std::size_t>(r.priority)];
        std::vector<std::pair<Date, RequestStep>> outstanding;
        if (!r.acked) outstanding.push_back({sla_date(r.date, sla.ack, c), RequestStep::ack});
        if (!r.to) outstanding.push_back({sla_date(r.date, sla.handoff, c), RequestStep::handoff});
        outstanding.push_back(
            {r.due ? *r.due : sla_date(r.date, sla.resolve, c), RequestStep::deliver});
        auto earliest = *std::min_element(outstanding.begin(), outstanding.end());
        REQUIRE(s.item->due == earliest.first);
        REQUIRE(s.item->step == earliest.second);
        for (const auto& step : s.outstanding)
            REQUIRE(s.item->due <= step.due);
    }
}

TEST_CASE("the steps of one request, one at a time, as due lists them") {
    // Thu 2026-11-26, normal: ack 1d Fri 11-27; handoff 2d Sat 11-28 -> Tue
    // 12-01 (Monday 11-30 is a holiday); resolve 10d Sun 12-06 -> Mon 12-07.
    const std::string config = "holidays: [2026-11-30]\n";
    const Period horizon{30, PeriodUnit::day};
    auto due_of = [&](const std::string& request) {
        auto b = build({{"o/client.yaml",
                         "name: O\ncadence: none\ncontracts: [{id: k}]\n"
                         "requests:\n  - {date: 2026-11-26, title: Copy" +
                             request + "}\n"}},
                       config, d("2026-11-26"));
        return due_lines(b.ws, d("2026-11-26"), horizon);
    };
    CHECK(due_of("") == Lines{"o request 2026-11-27 Copy 1"});
    CHECK(due_of(", acked: 2026-11-26") == Lines{"o request 2026-12-01 Copy 5"});
    CHECK(due_of(", acked: 2026-11-26, to: anna") == Lines{"o request 2026-12-07 Copy 11"});
    CHECK(due_of(", acked: 2026-11-26, to: anna, due: 2026-12-02") ==
          Lines{"o request 2026-12-02 Copy 6"});
    // A promised date before the handoff's SLA date comes first.
    CHECK(due_of(", acked: 2026-11-26, due: 2026-11-30") == Lines{"o request 2026-11-30 Copy 4"});
    CHECK(due_of(", acked: 2026-11-26, to: anna, done: 2026-12-03") ==
          Lines{"o request 2026-12-03 Copy 7"});
    CHECK(due_of(", acked: 2026-11-26, to: anna, done: 2026-12-03, told: 2026-12-03").empty());
    CHECK(due_of(", dropped: 2026-11-27").empty());
}

TEST_CASE("every priority's default SLA, and an sla entry that sets one period") {
    // Mon 2026-11-02, nothing done: the ack is the item; acked and handed
    // over: the resolve date is.
    const Period horizon{60, PeriodUnit::day};
    auto lines = [&](const std::string& config, const std::string& fields) {
        std::string text = "name: O\ncadence: none\ncontracts: [{id: k}]\nrequests:\n";
        for (const char* p : {"urgent", "high", "normal", "low"})
            text +=
                fmt::format("  - {{date: 2026-11-02, title: {}, priority: {}{}}}\n", p, p, fields);
        auto b = build({{"o/client.yaml", text}}, config, d("2026-11-02"));
        return due_lines(b.ws, d("2026-11-02"), horizon);
    };
    CHECK(lines("", "") == Lines{"o request 2026-11-03 high 1", "o request 2026-11-03 normal 1",
                                 "o request 2026-11-03 urgent 1", "o request 2026-11-04 low 2"});
    // Handed over but not acknowledged: urgent's ack 1d; low's ack 2d.
    CHECK(lines("", ", acked: 2026-11-02") ==
          Lines{"o request 2026-11-03 high 1", "o request 2026-11-03 urgent 1",
                "o request 2026-11-04 normal 2", "o request 2026-11-09 low 7"});
    // urgent 2d Wed 11-04, high 5d Sat 11-07 -> Mon 11-09, normal 10d Thu
    // 11-12, low 30d Wed 12-02.
    CHECK(lines("", ", acked: 2026-11-02, to: anna") ==
          Lines{"o request 2026-11-04 urgent 2", "o request 2026-11-09 high 7",
                "o request 2026-11-12 normal 10", "o request 2026-12-02 low 30"});
    // `0d` is the same day; what an entry leaves out keeps its default.
    CHECK(lines("sla:\n  urgent: {resolve: 0d}\n  low: {resolve: 1w}\n",
                ", acked: 2026-11-02, to: anna") ==
          Lines{"o request 2026-11-02 urgent 0", "o request 2026-11-09 high 7",
                "o request 2026-11-09 low 7", "o request 2026-11-12 normal 10"});
}

TEST_CASE(
    "changes: proposed waits change_send, sent waits chase_after, neither moved off "
    "days off") {
    auto b = build({{"o/client.yaml",
                     "name: O\ncadence: none\ncontracts: [{id: k}]\nchanges:\n"
                     "  - {date: 2026-11-26, by: client, title: Cut}\n"
                     "  - {date: 2026-11-10, by: team, title: Move, status: sent, sent: "
                     "2026-11-18}\n"
                     "  - {date: 2026-11-01, by: client, title: Blog, status: approved, sent: "
                     "2026-11-02, decided: 2026-11-04}\n"}},
                   "defaults: {change_send: 3d, chase_after: 5d}\n", d("2026-11-27"));
    CHECK(b.diagnostics.empty());
    CHECK(due_lines(b.ws, d("2026-11-27"), Period{7, PeriodUnit::day}) ==
          Lines{"o change 2026-11-23 Move -4", "o change 2026-11-29 Cut 2"});
}
