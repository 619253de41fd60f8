#include <doctest/doctest.h>

#include "acct/report/recurring_history.h"
#include "workspace_builder.h"

using namespace acctool;
using acctool::testing::build;

static Date d(const char* s) {
    return *parse_date(s);
}

static std::vector<std::string> months(const CurrencyHistory& h) {
    std::vector<std::string> out;
    for (const auto& m : h.months)
        out.push_back(fmt::format("{} {}", m.month_end, m.twelfths));
    return out;
}

TEST_CASE("recurring value at each month end, per currency, checked by hand") {
    // alpha: 100 EUR/month from 2026-08-15 to 2026-10-15, plus 300 EUR/quarter
    //   (100/month) from 2026-01-01, open-ended: on 08-31 and 09-30 100 + 100 = 200,
    //   on 10-31 the first has ended: 100; on 07-31 only the quarterly one: 100.
    // beta: 1200 USD/year (100/month) from 2026-09-01 to 2026-12-31.
    // gamma: a former client without `until` is left out.
    // Twelfths of a minor unit: 100.00 EUR = 10000 cents = 120000 twelfths.
    auto b = build({{"alpha/client.yaml",
                     "name: A\nsince: 2026-01-01\ncontracts:\n"
                     "  - {id: a1, status: signed, start: 2026-08-15, end: 2026-10-15, value: "
                     "{amount: 100, per: month}}\n"
                     "  - {id: a2, status: signed, start: 2026-01-01, value: {amount: 300, per: "
                     "quarter}}\n"},
                    {"beta/client.yaml",
                     "name: B\nsince: 2026-01-01\ncontracts:\n"
                     "  - {id: b1, status: signed, start: 2026-09-01, end: 2026-12-31, value: "
                     "{amount: 1200, currency: USD, per: year}}\n"},
                    {"gamma/client.yaml",
                     "name: G\nstatus: former\nsince: 2025-01-01\ncontracts:\n"
                     "  - {id: g1, status: signed, start: 2025-01-01, value: {amount: 999, per: "
                     "month}}\n"}},
                   "currency: EUR\n", d("2026-11-27"));
    auto h = recurring_history(b.ws.clients, d("2026-11-30"), 5);
    REQUIRE(h.size() == 2);
    CHECK(h[0].currency.code == "EUR");
    CHECK(months(h[0]) == std::vector<std::string>{"2026-07-31 120000", "2026-08-31 240000",
                                                   "2026-09-30 240000", "2026-10-31 120000",
                                                   "2026-11-30 120000"});
    CHECK(h[1].currency.code == "USD");
    CHECK(months(h[1]) == std::vector<std::string>{"2026-07-31 0", "2026-08-31 0",
                                                   "2026-09-30 120000", "2026-10-31 120000",
                                                   "2026-11-30 120000"});
    // A February in the window ends on its last day.
    auto feb = recurring_history(b.ws.clients, d("2026-03-31"), 2);
    REQUIRE(feb.size() == 1);
    CHECK(feb[0].months[0].month_end == d("2026-02-28"));
    CHECK(recurring_history({}, d("2026-11-30"), 12).empty());
}
