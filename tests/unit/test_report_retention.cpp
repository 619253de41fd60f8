#include <doctest/doctest.h>

#include <fmt/format.h>

#include "acct/render/retention.h"
#include "acct/report/portfolio.h"
#include "acct/report/retention.h"
#include "workspace_builder.h"

using namespace acctool;
using acctool::testing::build;

static Date d(const char* s) {
    return *parse_date(s);
}

static std::vector<std::string> diagnostic_lines(const acctool::testing::Built& b) {
    std::vector<std::string> out;
    for (const auto& x : b.diagnostics)
        out.push_back(fmt::format("{}:{}:{}: {}: {}", x.where.file, x.where.line, x.where.column,
                                  x.severity == Severity::error ? "error" : "warning", x.message));
    return out;
}

// The JSON on one line: each line break and the indentation after it dropped.
static std::string compact(const std::string& json) {
    std::string out;
    for (std::size_t i = 0; i < json.size(); ++i) {
        if (json[i] != '\n') {
            out += json[i];
            continue;
        }
        while (i + 1 < json.size() && json[i + 1] == ' ')
            ++i;
    }
    return out;
}

// Report period 2026-Q3: a = 2026-07-01; T = 2026-11-27, so b = 2026-09-30.
// Money in EUR unless said; "/mo" is the recurring value per month.
static const std::map<std::string, std::string> fixture{
    // In S. k1 (1000/mo) runs on a and ends 08-31, renewed by k2 (1200/mo from
    // 09-01: a renewal, not a sale); k3 (300 a quarter = 100/mo from 08-15) is
    // expansion. value(a) = 1000, value(b) = 1200 + 100 = 1300.
    {"alpha/client.yaml",
     "name: Alpha\nsince: 2024-01-15\ncontracts:\n"
     "  - {id: k1, status: ended, start: 2024-01-15, end: 2026-08-31, renewal: {renewed_by: k2},"
     " value: {amount: 1000.00, per: month}}\n"
     "  - {id: k2, status: signed, start: 2026-09-01, value: {amount: 1200.00, per: month}}\n"
     "  - {id: k3, status: signed, start: 2026-08-15, value: {amount: 300.00, per: quarter}}\n"},
    // In S. 2000 a year = 166.666…/mo, plus `cut` 300/mo ending 07-31 and not
    // renewed (contraction). value(a) = 466.666…, value(b) = 166.666…
    {"beta/client.yaml",
     "name: Beta\nsince: 2025-03-10\ncontracts:\n"
     "  - {id: year, status: signed, start: 2025-03-10, value: {amount: 2000.00, per: year}}\n"
     "  - {id: cut, status: ended, start: 2025-03-10, end: 2026-07-31,"
     " value: {amount: 300.00, per: month}}\n"},
    // New in the period (since 08-01): not in S, not expansion; 700/mo on b.
    {"delta/client.yaml",
     "name: Delta\nsince: 2026-08-01\ncontracts:\n"
     "  - {id: k, status: signed, start: 2026-08-01, value: {amount: 700.00, per: month}}\n"},
    // Former without `until`: left out of every figure (it would hold 5000/mo).
    {"epsilon/client.yaml",
     "name: Epsilon\nstatus: former\nsince: 2022-01-01\ncontracts:\n"
     "  - {id: k, status: signed, start: 2022-01-01, value: {amount: 5000.00, per: month}}\n"},
    // Prospect: never counted.
    {"eta/client.yaml", "name: Eta\nstatus: prospect\nsince: 2026-08-05\n"},
    // In S, lost (until 08-15 ≤ b). value(a) = 500, value(b) = 0 (after until).
    {"gamma/client.yaml",
     "name: Gamma\nstatus: former\nsince: 2023-05-01\nuntil: 2026-08-15\ncontracts:\n"
     "  - {id: k, status: signed, start: 2023-05-01, value: {amount: 500.00, per: month}}\n"},
    // In S, USD. Auto-renewing past its end (07-04) with no renewed_by: runs on
    // a and b, and is no renewal due. 1000 USD/mo.
    {"theta/client.yaml",
     "name: Theta\nsince: 2026-01-05\ncontracts:\n"
     "  - {id: k, status: signed, start: 2026-01-05, end: 2026-07-04, renewal: {auto: true},"
     " value: {amount: 1000.00, currency: USD, per: month}}\n"},
    // In S (paused, no since: a client for ever). The terminated contract
    // without end runs on no day, so zeta is not in the EUR cohort; 1000 USD/mo.
    {"zeta/client.yaml",
     "name: Zeta\nstatus: paused\ncontracts:\n"
     "  - {id: gone, status: terminated, start: 2025-01-01, value: {amount: 900.00, per: month}}\n"
     "  - {id: usd, status: signed, start: 2025-06-01,"
     " value: {amount: 1000.00, currency: USD, per: month}}\n"},
};

TEST_CASE("retention figures, checked by hand") {
    auto b = build(fixture, "", d("2026-11-27"));
    CHECK(diagnostic_lines(b) ==
          std::vector<std::string>{
              "epsilon/client.yaml:1:1: warning: former client 'epsilon' has no 'until' date; it "
              "is left out of retention",
              "zeta/client.yaml:4:6: warning: contract 'gone' is terminated but has no 'end' "
              "date; it counts as running on no day"});
    auto r = build_retention(b.ws.clients, d("2026-07-01"), d("2026-09-30"), d("2026-11-27"));
    REQUIRE(r);
    CHECK(r->from == d("2026-07-01"));
    CHECK(r->to == d("2026-09-30"));
    // S = alpha, beta, gamma, theta, zeta; lost = gamma; client retention 4/5.
    CHECK(r->clients_at_start == 5);
    CHECK(r->lost == std::vector<std::string>{"gamma"});
    CHECK(r->added == std::vector<std::string>{"delta"});
    REQUIRE(r->recurring.size() == 2);
    // EUR, in twelfths of a cent: alpha 100000·12 = 1,200,000; beta 200000 +
    // 30000·12 = 560,000; gamma 50000·12 = 600,000: at start 2,360,000 =
    // 196666.67 cents → 1966.67. At end: alpha 120000·12 + 30000·4 = 1,560,000;
    // beta 200,000; gamma 0: 1,760,000 → 1466.67. Kept: min per client =
    // 1,200,000 + 200,000 + 0 = 1,400,000. GRR 1.4/2.36 = 59.32 % → 59.3;
    // NRR 1.76/2.36 = 74.58 % → 74.6.
    CHECK(r->recurring[0].currency.code == "EUR");
    CHECK(r->recurring[0].at_start == 2'360'000);
    CHECK(r->recurring[0].at_end == 1'760'000);
    CHECK(r->recurring[0].kept == 1'400'000);
    // USD: theta and zeta, 1000 each on a and b: GRR = NRR = 100.
    CHECK(r->recurring[1].currency.code == "USD");
    CHECK(r->recurring[1].at_start == 2'400'000);
    CHECK(r->recurring[1].at_end == 2'400'000);
    // Expansion: alpha's k3 only (k2 renews k1; delta is not in S): 100.00/mo.
    REQUIRE(r->expansion.size() == 1);
    CHECK(r->expansion[0].contracts == 1);
    CHECK(r->expansion[0].monthly == 120'000);
    // Renewals ending in [a, b] without auto renewal: alpha k1 (renewed),
    // beta cut (not): 1 of 2.
    CHECK(r->renewals_due == 2);
    CHECK(r->renewals_renewed == 1);
    // Tenure of active clients to T: delta 3 (08-01 → 11-01), theta 10,
    // beta 20, alpha 34: an even count, the lower middle is 10.
    CHECK(r->median_tenure_months == 10);
    // Concentration on b. EUR: alpha 1,560,000 of 1,560,000 + 200,000 +
    // 840,000 (delta) = 2,600,000: 60.0 %. USD: theta and zeta tie at
    // 1,200,000: the smaller id, theta, with 50.0 %.
    REQUIRE(r->concentration.size() == 2);
    CHECK(r->concentration[0].client == "alpha");
    CHECK(r->concentration[0].value == 1'560'000);
    CHECK(r->concentration[0].total == 2'600'000);
    CHECK(r->concentration[1].client == "theta");
    CHECK(r->concentration[1].total == 2'400'000);

    // As the user reads it, inside `report --format json`.
    CHECK(compact(retention_json(r).dump()) ==
          R"({"from": "2026-07-01","to": "2026-09-30","clients_at_start": 5,"lost": ["gamma"],)"
          R"("new": ["delta"],"client_retention": "80.0","recurring": [{"currency": "EUR",)"
          R"("at_start": "1966.67","at_end": "1466.67","grr": "59.3","nrr": "74.6"},)"
          R"({"currency": "USD","at_start": "2000.00","at_end": "2000.00","grr": "100.0",)"
          R"("nrr": "100.0"}],"expansion": [{"currency": "EUR","contracts": 1,"monthly": )"
          R"("100.00"}],"renewals": {"due": 2,"renewed": 1,"rate": "50.0"},)"
          R"("median_tenure_months": 10,"concentration": [{"currency": "EUR","client": )"
          R"("alpha","share": "60.0"},{"currency": "USD","client": "theta","share": "50.0"}]})");
}

TEST_CASE("retention: a period past T has none; one holding T ends on T") {
    auto b = build(fixture, "", d("2026-11-27"));
    CHECK_FALSE(build_retention(b.ws.clients, d("2026-12-01"), d("2026-12-31"), d("2026-11-27")));
    CHECK(retention_json(std::nullopt).dump() == "null\n");
    // 2026-08: b = T = 2026-08-20. Gamma (until 08-15) is lost; alpha's k1
    // (1000) still runs and k3 (100) has begun: 1100 on b.
    auto r = build_retention(b.ws.clients, d("2026-08-01"), d("2026-08-31"), d("2026-08-20"));
    REQUIRE(r);
    CHECK(r->to == d("2026-08-20"));
    CHECK(r->lost == std::vector<std::string>{"gamma"});
    // delta's since is a (08-01): new, not at start.
    CHECK(r->added == std::vector<std::string>{"delta"});
    CHECK(recurring_on(*b.ws.client("alpha"), d("2026-08-20")).at("EUR").twelfths == 1'320'000);
    // Tenure to 08-20: alpha 31, beta 17, theta 7, delta 0: lower middle 7.
    CHECK(r->median_tenure_months == 7);
}

TEST_CASE("retention: odd median, no clients at start, no renewals") {
    auto b = build({{"a/client.yaml", "name: A\nsince: 2026-01-31\ncontracts: [{id: k}]\n"},
                    {"b/client.yaml", "name: B\nsince: 2025-11-27\ncontracts: [{id: k}]\n"},
                    {"c/client.yaml", "name: C\nsince: 2026-11-28\ncontracts: [{id: k}]\n"},
                    {"d/client.yaml", "name: D\nsince: 2026-10-01\ncontracts: [{id: k}]\n"}},
                   "", d("2026-11-27"));
    // In 2025 nobody was a client before 2025-01-01, B became one.
    auto r = build_retention(b.ws.clients, d("2025-01-01"), d("2025-12-31"), d("2026-11-27"));
    REQUIRE(r);
    CHECK(r->clients_at_start == 0);
    CHECK(r->added == std::vector<std::string>{"b"});
    auto j = compact(retention_json(r).dump());
    CHECK(j.find(R"("client_retention": null)") != std::string::npos);
    CHECK(j.find(R"("renewals": {"due": 0,"renewed": 0,"rate": null})") != std::string::npos);
    CHECK(j.find(R"("recurring": [])") != std::string::npos);
    // Tenure to T: A 9 (01-31 → 10-31, the 27th of November is not yet the
    // 30th), B 12 (the day is reached), D 1; C starts after T. Median of 1, 9, 12: 9.
    CHECK(r->median_tenure_months == 9);
}

TEST_CASE("whole months clamp the day; percentages round half up once") {
    CHECK(whole_months(d("2026-01-31"), d("2026-02-28")) == 1);
    CHECK(whole_months(d("2026-01-31"), d("2026-02-27")) == 0);
    CHECK(whole_months(d("2024-02-29"), d("2025-02-28")) == 12);
    CHECK(whole_months(d("2026-03-15"), d("2026-03-15")) == 0);
    CHECK(percent(11, 12) == "91.7");
    CHECK(percent(1, 16) == "6.3");  // 6.25 → 6.3
    CHECK(percent(1, 2000) == "0.1");
    CHECK(percent(1, 3) == "33.3");
    CHECK(percent(3, 2) == "150.0");
    CHECK(percent(0, 5) == "0.0");
    CHECK_FALSE(percent(1, 0));
}
