#include <doctest/doctest.h>

#include <fmt/format.h>

#include "acct/brief/brief.h"
#include "acct/load/metric_records.h"
#include "acct/load/signed_decimal.h"
#include "acct/model/language.h"
#include "acct/render/brief.h"
#include "workspace_builder.h"

using namespace acctool;
using acctool::testing::build;

static Date d(const char* s) {
    return *parse_date(s);
}

// T = 2026-11-27 (a Friday). The last report before T is 2026-10-31, so the
// window is 2026-11-01 – 2026-11-27.
static const std::map<std::string, std::string> fixture{
    {"orbit/client.yaml",
     "name: Orbit\nsince: 2025-01-10\nowner: anna\nteam: {account: mia}\n"
     "contracts:\n"
     // Ends 12-20, inside T+1..T+30 (11-28..12-27): coming up.
     "  - {id: web, title: Website, status: signed, start: 2025-01-10, end: 2026-12-20}\n"
     // Auto-renewing, end 2025-12-01, term 1y, notice 30d: 2026-12-01 − 30d =
     // 2026-11-01 < T, so E = 2027-12-01: beyond T + 30, not listed.
     "  - {id: host, title: Hosting, status: signed, start: 2024-12-01, end: 2025-12-01,"
     " renewal: {auto: true, notice: 30d}}\n"
     // Auto-renewing with notice 7d: 2025-12-05 + 1y = 2026-12-05, and
     // 12-05 − 7d = 11-28 ≥ T: E = 2026-12-05, coming up.
     "  - {id: care, title: Care plan, status: signed, start: 2024-12-05, end: 2025-12-05,"
     " renewal: {auto: true, notice: 7d}}\n"
     "interactions:\n"
     "  - {date: 2026-10-31, kind: report, summary: October}\n"
     "  - {date: 2026-11-03, kind: call, summary: Kick-off, duration: 45min}\n"
     "  - {date: 2026-11-10, kind: note, summary: internal, duration: 2h}\n"
     "  - {date: 2026-11-12, kind: meeting, summary: Review, duration: 1h30min, mood: negative}\n"
     "requests:\n"
     "  - {date: 2026-10-20, title: Old, done: 2026-10-25}\n"
     "  - {date: 2026-11-02, title: Banner, done: 2026-11-05}\n"
     "  - {date: 2026-11-04, title: Blog, due: 2026-12-10}\n"
     "  - {date: 2026-11-06, title: Later, due: 2027-02-01}\n"
     "  - {date: 2026-11-07, title: Dropped, dropped: 2026-11-08}\n"
     "changes:\n"
     "  - {date: 2026-11-02, by: client, title: More pages}\n"
     "  - {date: 2026-11-02, by: team, title: Our idea}\n"
     "  - {date: 2026-11-03, by: team, title: Sent one, status: sent, sent: 2026-11-04}\n"
     "  - {date: 2026-11-05, by: client, title: Budget up, budget: 500, status: approved,"
     " sent: 2026-11-05, decided: 2026-11-09}\n"
     "  - {date: 2026-10-05, by: client, title: Too early, status: rejected, sent: 2026-10-05,"
     " decided: 2026-10-09}\n"
     "metrics:\n"
     // Visits: 1000 on 10-15 (before the window: the first value), 1100 on
     // 11-10, 1150 on 11-20: change +150, 150 ÷ 1000 = 15.0%.
     "  - {date: 2026-10-15, name: Visits, value: 1000}\n"
     "  - {date: 2026-11-10, name: Visits, value: 1100}\n"
     "  - {date: 2026-11-20, name: Visits, value: 1150, unit: visits}\n"
     // Rate: nothing before the window, so first = 2.5 on 11-02; two values on
     // 11-20, the later (2.2) counts: change −0.3, 0.3 ÷ 2.5 = 12.0%.
     "  - {date: 2026-11-02, name: Rate, value: 2.5}\n"
     "  - {date: 2026-11-20, name: Rate, value: 2.9}\n"
     "  - {date: 2026-11-20, name: Rate, value: 2.2}\n"
     // Zero: first 0: the per cent is left out.
     "  - {date: 2026-11-01, name: Zero, value: 0}\n"
     "  - {date: 2026-11-02, name: Zero, value: 3}\n"
     // Thirds: 3 → 5: +2 ÷ 3 = 66.666…% → 66.7 (half up).
     "  - {date: 2026-11-01, name: Thirds, value: 3}\n"
     "  - {date: 2026-11-02, name: Thirds, value: 5}\n"
     // Stale: no value in the window: left out.
     "  - {date: 2026-10-01, name: Stale, value: 7}\n"
     "invoices:\n"
     // 11-01 in the window, open 1000.00; 10-01 outside, paid half: 250.00 open.
     "  - {number: A-2, contract: web, issued: 2026-11-01, amount: 1000.00}\n"
     "  - {number: A-1, contract: web, issued: 2026-10-01, amount: 500.00,"
     " payments: [{date: 2026-10-10, amount: 250.00}]}\n"
     "  - {number: A-3, contract: web, issued: 2026-11-02, amount: 80.00, status: void}\n"}};

TEST_CASE("the window starts after the last report before T") {
    auto b = build(fixture, "owner: anna\n", d("2026-11-27"));
    const Client& c = b.ws.clients.at(0);
    auto w = default_brief_window(c, d("2026-11-27"));
    CHECK(w.from == d("2026-11-01"));
    CHECK(w.to == d("2026-11-27"));
    // A report dated T itself does not count: only one before T.
    auto w2 = default_brief_window(c, d("2026-10-31"));
    CHECK(w2.from == d("2025-01-10"));  // since
    Client bare;
    CHECK(default_brief_window(bare, d("2026-11-27")).from == d("2026-10-28"));  // T − 30
}

TEST_CASE("each part holds what SPEC 8 says") {
    auto b = build(fixture, "owner: anna\n", d("2026-11-27"));
    const Client& c = b.ws.clients.at(0);
    Brief r = build_brief(c, b.ws.config, {d("2026-11-01"), d("2026-11-27")}, d("2026-11-27"));
    CHECK(r.author == "mia");
    REQUIRE(r.delivered.size() == 1);
    CHECK(r.delivered[0].title == "Banner");
    // The note is internal: call and meeting only; 45min + 1h30min = 135 min.
    REQUIRE(r.interactions.size() == 2);
    CHECK(r.minutes == 135);
    // Open: Blog and Later (Dropped is not open; Banner and Old are done).
    REQUIRE(r.open_requests.size() == 2);
    CHECK(r.open_requests[0].title == "Blog");
    // Undecided and raised by the client, or sent: not the team's unsent idea.
    REQUIRE(r.open_changes.size() == 2);
    CHECK(r.open_changes[0].title == "More pages");
    CHECK(r.open_changes[1].title == "Sent one");
    REQUIRE(r.decisions.size() == 1);
    CHECK(r.decisions[0].title == "Budget up");
    CHECK(r.decisions[0].budget->minor == 50000);
    // Coming up in 11-28..12-27: care's E 12-05, Blog 12-10, web's end 12-20.
    REQUIRE(r.coming_up.size() == 3);
    CHECK(r.coming_up[0].subject == "Care plan");
    CHECK(r.coming_up[0].date == d("2026-12-05"));
    CHECK(r.coming_up[1].subject == "Blog");
    CHECK(r.coming_up[2].subject == "Website");
    REQUIRE(r.invoices.size() == 1);
    CHECK(r.invoices[0].number == "A-2");
    // Open balance: 1000.00 + 250.00 = 1250.00 EUR (the void one is out).
    REQUIRE(r.balances.size() == 1);
    CHECK(r.balances[0].minor == 125000);
}

TEST_CASE("metric results: first before or at the start, last in the window") {
    auto b = build(fixture, "owner: anna\n", d("2026-11-27"));
    Brief r = build_brief(b.ws.clients.at(0), b.ws.config, {d("2026-11-01"), d("2026-11-27")},
                          d("2026-11-27"));
    std::vector<std::string> lines;
    for (const auto& m : r.metrics)
        lines.push_back(fmt::format("{} {} {} {} {} {} {}", m.name, format_decimal(m.first.value),
                                    m.first.date, format_decimal(m.last.value), m.last.date,
                                    format_decimal(m.change), m.percent.value_or("-")));
    CHECK(lines == std::vector<std::string>{
                       "Rate 2.5 2026-11-02 2.2 2026-11-20 -0.3 -12.0",
                       "Thirds 3 2026-11-01 5 2026-11-02 2 +66.7",
                       "Visits 1000 2026-10-15 1150 2026-11-20 150 +15.0",
                       "Zero 0 2026-11-01 3 2026-11-02 3 -",
                   });
    CHECK(r.metrics[2].unit == "visits");  // the latest unit
    CHECK(r.metrics[2].points.size() == 3);
}

TEST_CASE("metric values: digits, a sign and a point; nothing else") {
    CHECK(format_decimal(*parse_signed_decimal("+3")) == "3");
    CHECK(format_decimal(*parse_signed_decimal("-0.05")) == "-0.05");
    CHECK(format_decimal(*parse_signed_decimal("007.50")) == "7.50");
    for (const char* bad : {"1e3", "1,5", "", "5 000", "--1", "+-1", ".5", "1.", "abc"})
        CHECK_MESSAGE(!parse_signed_decimal(bad), bad);
    // 1.25 − 0.5 = 0.75 at the finer scale.
    CHECK(format_decimal(subtract(Decimal{125, 2}, Decimal{5, 1})) == "0.75");
}

TEST_CASE("Markdown keeps data literal") {
    Brief r;
    r.client_name = "A*B <script>";
    r.window = {d("2026-11-01"), d("2026-11-27")};
    r.interactions.push_back({d("2026-11-03"), InteractionKind::call, "use `rm` & [link](x)"});
    std::string md = render_brief_markdown(r);
    CHECK(md.find("# Status report for A\\*B \\<script\\>") != std::string::npos);
    CHECK(md.find("use \\`rm\\` \\& \\[link\\](x)") != std::string::npos);
    std::string html = render_brief_html(r);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("A*B &lt;script&gt;") != std::string::npos);
}

TEST_CASE("HTML draws one sparkline per series of two points or more") {
    Brief r;
    r.client_name = "Orbit";
    r.window = {d("2026-11-01"), d("2026-11-27")};
    BriefMetric visits{"Visits", "", {}, {}, {}, {}, {}};
    // 1, 3, 2 (scale 0) -> y 21, 3, 12 as in svg_sparkline's own test.
    for (auto [day, v] : {std::pair{"2026-11-01", 1}, {"2026-11-10", 3}, {"2026-11-20", 2}})
        visits.points.push_back({d(day), Decimal{v, 0}, {}});
    visits.first = visits.points.front();
    visits.last = visits.points.back();
    BriefMetric once{"Signups", "", {}, {}, {}, {}, {}};
    once.points.push_back({d("2026-11-05"), Decimal{25, 1}, {}});
    once.first = once.last = once.points.front();
    r.metrics = {visits, once};
    std::string html = render_brief_html(r);
    // One <svg>, in the first series' line, before its words; the single
    // point's series keeps its words and gets no picture.
    CHECK(html.find("<svg") == html.rfind("<svg"));
    auto svg = html.find("<li class=\"metric\"><svg");
    REQUIRE(svg != std::string::npos);
    CHECK(html.find("Visits: ", svg) > svg);
    CHECK(html.find("points=\"3,21 60,3 117,12\"") != std::string::npos);
    CHECK(html.find("<title>Visits from 2026-11-01 to 2026-11-20</title>") != std::string::npos);
    CHECK(html.find("<li class=\"metric\">Signups: 2.5 on 2026-11-05") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
}
