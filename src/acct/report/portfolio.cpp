#include "acct/report/portfolio.h"

#include <algorithm>

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/model/billing_period.h"
#include "acct/report/digest.h"

namespace acctool {

namespace {

bool within(Date d, const ReportPeriod& p) {
    return d >= p.first && d <= p.last;
}

void add_to(Sums& sums, const Money& m) {
    auto [it, fresh] = sums.try_emplace(m.currency.code, Money{0, m.currency});
    it->second.minor += m.minor;
}

int bucket(int days_past_due) {
    if (days_past_due <= 0) return 0;
    if (days_past_due <= 30) return 1;
    if (days_past_due <= 60) return 2;
    if (days_past_due <= 90) return 3;
    return 4;
}

}  // namespace

Result<ReportPeriod> parse_report_period(std::string_view text) {
    auto kind = invoice_period_kind(text);
    if (!kind || *kind == BillingEvery::once)
        return Failure{trf("'{}' is not a period: give YYYY-MM, YYYY-Qn or YYYY", text)};
    int year = std::stoi(std::string(text.substr(0, 4)));
    int index = *kind == BillingEvery::year      ? 1
                : *kind == BillingEvery::quarter ? text[6] - '0'
                                                 : std::stoi(std::string(text.substr(5, 2)));
    BillingPeriod p{*kind, year, index};
    return ReportPeriod{p.label(), p.first_day(), p.last_day()};
}

ReportPeriod month_of(Date d) {
    BillingPeriod p = BillingPeriod::containing(d, BillingEvery::month);
    return ReportPeriod{p.label(), p.first_day(), p.last_day()};
}

Money monthly_money(const Currency& c, std::int64_t twelfths) {
    return Money{(twelfths + 6) / 12, c};
}

Report build_report(const Workspace& ws, const ReportPeriod& period, const DueOptions& o) {
    Report r;
    r.period = period;
    r.as_of = o.as_of;
    r.team = team_figures(ws, period.first, period.last, o.as_of);
    std::map<std::string, AgingRow> aging;
    for (const auto& c : ws.clients) {
        ++r.clients_by_status[static_cast<std::size_t>(c.status)];
        for (const auto& k : c.contracts) {
            if (k.status != ContractStatus::signed_ || !k.value || !k.start) continue;
            // A contract that renews by itself runs on past its `end`.
            bool runs_on = k.auto_renew && !k.renewed_by;
            if (*k.start > period.last || (k.end && !runs_on && *k.end < period.first)) continue;
            const Money& v = k.value->amount;
            if (k.value->per == Per::once) {
                add_to(r.one_off, v);
                continue;
            }
            std::int64_t per_twelve = k.value->per == Per::month     ? 12
                                      : k.value->per == Per::quarter ? 4
                                                                     : 1;
            auto [it, fresh] = r.recurring_twelfths.try_emplace(v.currency.code, v.currency, 0);
            it->second.second += v.minor * per_twelve;
        }
        for (const auto& inv : c.invoices) {
            if (inv.is_void) continue;
            if (within(inv.issued, period)) add_to(r.invoiced, inv.amount);
            std::int64_t paid_in_parts = 0;
            for (const auto& p : inv.payments) {
                paid_in_parts += p.amount.minor;
                if (within(p.date, period)) add_to(r.collected, p.amount);
            }
            // `paid` settles what the payments left open.
            if (inv.paid && within(*inv.paid, period) && inv.amount.minor > paid_in_parts)
                add_to(r.collected, Money{inv.amount.minor - paid_in_parts, inv.amount.currency});
            Money balance = inv.balance();
            if (balance.minor > 0) {
                auto [it, fresh] =
                    aging.try_emplace(balance.currency.code, AgingRow{balance.currency, {}});
                it->second
                    .minor[static_cast<std::size_t>(bucket(days_between(inv.due, o.as_of)))] +=
                    balance.minor;
            }
        }
        for (const auto& i : c.interactions) {
            if (!within(i.date, period)) continue;
            ++r.interactions_by_kind[static_cast<std::size_t>(i.kind)];
            ++r.interactions_by_mood[i.mood ? static_cast<std::size_t>(*i.mood) : 3];
            r.minutes_logged += i.minutes.value_or(0);
        }
        if (c.status == ClientStatus::active && c.cadence) {
            const Interaction* last = latest_interaction(c);
            std::optional<Date> from = last ? std::optional(last->date) : c.since;
            if (!from || add(*from, *c.cadence) < o.as_of)
                r.silent.push_back(SilentClient{
                    &c, from, from ? std::optional(days_between(*from, o.as_of)) : std::nullopt});
        }
    }
    for (auto& [code, row] : aging)
        r.aging.push_back(row);
    // Never contacted is the longest silence.
    std::stable_sort(r.silent.begin(), r.silent.end(),
                     [](const SilentClient& a, const SilentClient& b) {
                         return !a.days ? b.days.has_value() : b.days && *a.days > *b.days;
                     });
    r.renewals = renewals_ahead(ws, o);
    r.retention = build_retention(ws.clients, period.first, period.last, o.as_of);
    return r;
}

}  // namespace acctool
