#include <doctest/doctest.h>

#include <fmt/format.h>

#include "acct/health/score.h"
#include "workspace_builder.h"

using namespace acctool;
using acctool::testing::build;

static Date d(const char* s) {
    return *parse_date(s);
}

static const Period week{7, PeriodUnit::day};

// "signal points kind@due file:line ..." for each signal, for compact checks.
static std::vector<std::string> signal_lines(const ClientHealth& h) {
    std::vector<std::string> out;
    for (const auto& s : h.signals) {
        std::string line = fmt::format("{} {}", to_string(s.signal), s.points);
        for (const auto& i : s.items)
            line += fmt::format(" {}@{} {}:{}", i.kind, i.due, i.at.file, i.at.line);
        out.push_back(line);
    }
    return out;
}

static const ClientHealth& of(const std::vector<ClientHealth>& all, std::string_view id) {
    for (const auto& h : all)
        if (h.client->id == id) return h;
    FAIL("no health for " << id);
    return all.front();
}

static std::vector<std::string> messages(const acctool::testing::Built& b) {
    std::vector<std::string> out;
    for (const auto& x : b.diagnostics)
        if (x.message.find("has no contract") == std::string::npos)  // not health's concern
            out.push_back(
                fmt::format("{}:{}:{}: {}", x.where.file, x.where.line, x.where.column, x.message));
    return out;
}

// T = 2026-11-20. Defaults: silence −15, mood −20, unpaid −10, unpaid_30 −25,
// request −10 each (two counted), change −10, renewal −15, report −5.
static const std::map<std::string, std::string> fixture{
    // acme, cadence 2w: last touch 2026-10-01 (negative) → touch-base due
    // 10-15, overdue: silence −15; mood −20. INV-1 due 09-15 is 66 days
    // overdue (> 30): unpaid_30 −25, which replaces unpaid, so INV-2 (due
    // 11-15, 5 days overdue) adds nothing. Three requests due 11-01, all
    // overdue: −10 × 2 (the cap) = −20. Score 100 − 15 − 20 − 25 − 20 = 20: red.
    {"acme/client.yaml",
     "name: Acme\n"
     "cadence: 2w\n"
     "interactions:\n"
     "  - {date: 2026-10-01, kind: call, mood: negative}\n"
     "invoices:\n"
     "  - {number: INV-1, issued: 2026-09-01, due: 2026-09-15, amount: 100}\n"
     "  - {number: INV-2, issued: 2026-11-01, due: 2026-11-15, amount: 50}\n"
     "requests:\n"
     "  - {date: 2026-10-01, title: R1, acked: 2026-10-01, to: bo, "
     "due: 2026-11-01}\n"
     "  - {date: 2026-10-01, title: R2, acked: 2026-10-01, to: bo, "
     "due: 2026-11-01}\n"
     "  - {date: 2026-10-01, title: R3, acked: 2026-10-01, to: bo, "
     "due: 2026-11-01}\n"},
    // bolt, no cadence: only INV-9, due 2026-10-01, 50 days overdue:
    // unpaid_30 −25 → 75: green (the edge).
    {"bolt/client.yaml",
     "name: Bolt\n"
     "cadence: none\n"
     "invoices:\n"
     "  - {number: INV-9, issued: 2026-09-20, due: 2026-10-01, amount: 10}\n"},
    // cold: every signal. Touch 09-01 + 2w = 09-15 (silence −15), negative
    // (mood −20), INV-5 due 09-01 (unpaid_30 −25), two requests (−20), change
    // raised 11-01 + 2d = 11-03 (change −10), contract ending 12-31 with a
    // 60-day lead listed from 11-01 (renewal −15), report since 01-01 + 1mo =
    // 02-01 (report −5): 100 − 110 = −10, clamped to 0.
    {"cold/client.yaml",
     "name: Cold\n"
     "since: 2026-01-01\n"
     "reporting: 1mo\n"
     "interactions:\n"
     "  - {date: 2026-09-01, kind: email, mood: negative}\n"
     "invoices:\n"
     "  - {number: INV-5, issued: 2026-08-20, due: 2026-09-01, amount: 10}\n"
     "requests:\n"
     "  - {date: 2026-10-01, title: Q1, acked: 2026-10-01, to: bo, "
     "due: 2026-11-01}\n"
     "  - {date: 2026-10-01, title: Q2, acked: 2026-10-01, to: bo, "
     "due: 2026-11-01}\n"
     "changes:\n"
     "  - {date: 2026-11-01, by: client, title: More}\n"
     "contracts:\n"
     "  - {id: main, status: signed, signed: 2025-12-15, start: 2026-01-01, "
     "end: 2026-12-31}\n"},
    // dove: nothing holds (100, green) but red is set until 2026-11-20.
    {"dove/client.yaml",
     "name: Dove\n"
     "cadence: none\n"
     "health: {set: red, why: CFO left, until: 2026-11-20}\n"},
    // eel: yellow set with no `until`: for ever.
    {"eel/client.yaml",
     "name: Eel\n"
     "cadence: none\n"
     "health: {set: yellow, why: reorganising}\n"},
    // fay is a prospect: no score.
    {"fay/client.yaml", "name: Fay\nstatus: prospect\n"},
};

TEST_CASE("health: scores, signals and their items as of T") {
    auto b = build(fixture, "", d("2026-11-20"));
    CHECK(messages(b).empty());
    auto all = workspace_health(b.ws, d("2026-11-20"), week);
    // Lowest score first, then id; fay (prospect) has none.
    std::vector<std::string> order;
    for (const auto& h : all)
        order.push_back(fmt::format("{} {}", h.client->id, h.score));
    CHECK(order == std::vector<std::string>{"cold 0", "acme 20", "bolt 75", "dove 100", "eel 100"});

    const auto& acme = of(all, "acme");
    CHECK(acme.band == HealthBand::red);
    CHECK(signal_lines(acme) ==
          std::vector<std::string>{
              "silence -15 touch-base@2026-10-15 acme/client.yaml:4",
              "mood -20 mood@2026-10-01 acme/client.yaml:4",
              "unpaid_30 -25 payment@2026-09-15 acme/client.yaml:6",
              // All three are listed; only two count.
              "request -20 request@2026-11-01 acme/client.yaml:9 request@2026-11-01 "
              "acme/client.yaml:10 request@2026-11-01 acme/client.yaml:11"});
    // At T − 30 = 2026-10-21: touch-base 10-15 overdue (−15), mood (−20; the
    // records are the same), INV-1 36 days overdue (−25); INV-2 and the
    // requests not yet due: 100 − 60 = 40.
    CHECK(acme.score_30d_ago == 40);

    const auto& cold = of(all, "cold");
    CHECK(cold.score == 0);
    std::vector<std::string> names;
    for (const auto& s : cold.signals)
        names.push_back(fmt::format("{} {}", to_string(s.signal), s.points));
    CHECK(names == std::vector<std::string>{"silence -15", "mood -20", "unpaid_30 -25",
                                            "request -20", "change -10", "renewal -15",
                                            "report -5"});
    CHECK(of(all, "bolt").band == HealthBand::green);
}

TEST_CASE("health: the manual override and its expiry") {
    auto b = build(fixture, "", d("2026-11-20"));
    // On `until` itself the override is in force: band red, computed green.
    auto on = workspace_health(b.ws, d("2026-11-20"), week);
    const auto& dove = of(on, "dove");
    REQUIRE(dove.set);
    CHECK(dove.set->why == "CFO left");
    CHECK(dove.band == HealthBand::red);
    CHECK(dove.computed_band == HealthBand::green);
    CHECK(dove.score == 100);
    // The day after: gone.
    auto after = workspace_health(b.ws, d("2026-11-21"), week);
    CHECK_FALSE(of(after, "dove").set);
    CHECK(of(after, "dove").band == HealthBand::green);
    // Without `until`: still in force years later.
    auto later = workspace_health(b.ws, d("2030-01-01"), week);
    REQUIRE(of(later, "eel").set);
    CHECK(of(later, "eel").band == HealthBand::yellow);
    CHECK(of(later, "eel").computed_band == HealthBand::green);
}

TEST_CASE("health: points from acct.yaml, 0 turning a signal off") {
    // unpaid_30 off: unpaid applies to both overdue invoices, −10 (not −10 each).
    // mood 0: off. request −5: two counted, −10. acme = 100 − 15 − 10 − 10 = 65.
    auto b = build(fixture, "health:\n  points: {unpaid_30: 0, mood: 0, request: -5}\n",
                   d("2026-11-20"));
    CHECK(messages(b).empty());
    auto all = workspace_health(b.ws, d("2026-11-20"), week);
    const auto& acme = of(all, "acme");
    CHECK(signal_lines(acme) ==
          std::vector<std::string>{
              "silence -15 touch-base@2026-10-15 acme/client.yaml:4",
              "unpaid -10 payment@2026-09-15 acme/client.yaml:6 payment@2026-11-15 "
              "acme/client.yaml:7",
              "request -10 request@2026-11-01 acme/client.yaml:9 request@2026-11-01 "
              "acme/client.yaml:10 request@2026-11-01 acme/client.yaml:11"});
    CHECK(acme.score == 65);
    CHECK(acme.band == HealthBand::yellow);
}

TEST_CASE("health: band edges") {
    HealthConfig c;  // green 75, yellow 50
    CHECK(band_for(75, c) == HealthBand::green);
    CHECK(band_for(74, c) == HealthBand::yellow);
    CHECK(band_for(50, c) == HealthBand::yellow);
    CHECK(band_for(49, c) == HealthBand::red);
    // bolt with unpaid_30 −26: 100 − 26 = 74 → yellow; −50 → 50 yellow; −51 → 49 red.
    for (auto [points, band] :
         {std::pair{-26, HealthBand::yellow}, std::pair{-50, HealthBand::yellow},
          std::pair{-51, HealthBand::red}}) {
        auto b = build(fixture, fmt::format("health:\n  points: {{unpaid_30: {}}}\n", points),
                       d("2026-11-20"));
        auto all = workspace_health(b.ws, d("2026-11-20"), week);
        CHECK(of(all, "bolt").score == 100 + points);
        CHECK(of(all, "bolt").band == band);
    }
    // Bands from acct.yaml: green 90 makes bolt's 75 yellow.
    auto b = build(fixture, "health:\n  bands: {green: 90, yellow: 75}\n", d("2026-11-20"));
    CHECK(of(workspace_health(b.ws, d("2026-11-20"), week), "bolt").band == HealthBand::yellow);
}

TEST_CASE("health: bad values are reported where they are and treated as absent") {
    auto b = build({{"a/client.yaml", "name: A\nhealth: {set: rd, why: x}\n"},
                    {"b/client.yaml", "name: B\nhealth: {set: red, until: 2026-12-01}\n"}},
                   "health:\n  points: {silense: -5, mood: lots}\n  bands: {green: 40, "
                   "yellow: 60}\n",
                   d("2026-11-20"));
    CHECK(messages(b) ==
          std::vector<std::string>{
              "a/client.yaml:2:15: set: unknown value 'rd'; did you mean 'red'? (no override "
              "applies)",
              "acct.yaml:2:12: unknown key 'silense' in health.points; did you mean 'silence'?",
              "acct.yaml:2:31: mood: 'lots' is not a whole number from -100 to 100 (the default "
              "applies)",
              "acct.yaml:3:10: health.bands: yellow (60) is above green (40) (the default bands "
              "apply)",
              "b/client.yaml:2:10: missing 'why' (no override applies)"});
    CHECK_FALSE(b.ws.clients[0].health);
    CHECK_FALSE(b.ws.clients[1].health);
    CHECK(b.ws.config.health.green == 75);
    CHECK(b.ws.config.health.points.empty());
}
