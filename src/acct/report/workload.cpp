#include "acct/report/workload.h"

#include <map>

#include "acct/lang/translate.h"
#include "acct/model/billing_period.h"

namespace acctool {

namespace {

constexpr double days_per_month = 365.25 / 12;

// The average logged duration of the client's interactions (of `kind`, or
// any) dated in the 180 days up to as_of.
std::optional<double> average_minutes(const Client& c, Date as_of,
                                      std::optional<InteractionKind> kind) {
    long sum = 0;
    int n = 0;
    for (const auto& i : c.interactions) {
        if (!i.minutes || (kind && i.kind != *kind)) continue;
        int age = days_between(i.date, as_of);
        if (age < 0 || age >= 180) continue;
        sum += *i.minutes;
        ++n;
    }
    if (n == 0) return std::nullopt;
    return static_cast<double>(sum) / n;
}

// Whether the contract's recurring schedule has a billing period running at
// `t` (SPEC 3 "invoice"): once billing has stopped, no more invoices to make.
bool bills_at(const Contract& k, Date t) {
    if (k.status != ContractStatus::signed_ && k.status != ContractStatus::ended) return false;
    if (!k.billing.every || *k.billing.every == BillingEvery::once || !k.start) return false;
    const bool open_ended =
        !k.end || (k.status == ContractStatus::signed_ && k.auto_renew && !k.renewed_by);
    BillingPeriod now = BillingPeriod::containing(t, *k.billing.every);
    return now.last_day() >= *k.start && (open_ended || now.first_day() <= *k.end);
}

void add_up(OwnerLoad& o, double fte_hours) {
    o.expected_minutes = 0;
    long logged = 0;
    for (const auto& c : o.clients) {
        o.expected_minutes += c.expected();
        logged += c.logged_90;
    }
    o.logged_per_month = static_cast<double>(logged) / (90 / days_per_month);
    o.fte = o.expected_minutes / 60 / fte_hours;
    o.verdict = verdict_for(o.fte);
}

}  // namespace

double months_in(Period p) {
    switch (p.unit) {
        case PeriodUnit::month:
            return p.count;
        case PeriodUnit::quarter:
            return 3.0 * p.count;
        case PeriodUnit::year:
            return 12.0 * p.count;
        case PeriodUnit::week:
            return 7.0 * p.count / days_per_month;
        case PeriodUnit::day:
            return p.count / days_per_month;
    }
    return 1;
}

std::string verdict_words(double fte) {
    if (fte < 0.25) return tr("fold account management into sales or project work (below 0.25)");
    if (fte <= 0.75) return tr("a part-time account manager (0.25 to 0.75)");
    return tr("a dedicated account manager (above 0.75)");
}

std::string verdict_for(double fte) {
    // The same words in English, whatever the language of the moment.
    LanguageScope english(Language::en, nullptr);
    return verdict_words(fte);
}

Workload build_workload(const Workspace& ws, Date as_of, const std::optional<std::string>& owner) {
    Workload w;
    w.fte_hours = ws.config.fte_hours;
    const double touch_time = ws.config.touch_minutes;
    std::map<std::string, OwnerLoad> by_owner;
    for (const auto& c : ws.clients) {
        if (c.status != ClientStatus::active) continue;
        std::string name = c.owner.value_or("(no owner)");
        if (owner && name != *owner) continue;
        ClientLoad l;
        l.client = &c;
        if (c.cadence) l.touches = 1 / months_in(*c.cadence);
        auto touch = average_minutes(c, as_of, std::nullopt);
        l.touch_minutes = touch.value_or(touch_time);
        l.touch_measured = touch.has_value();
        if (c.reporting) l.reports = 1 / months_in(*c.reporting);
        auto report = average_minutes(c, as_of, InteractionKind::report);
        l.report_minutes = report.value_or(touch_time);
        l.report_measured = report.has_value();
        for (const auto& k : c.contracts)
            if (bills_at(k, as_of))
                l.invoices += *k.billing.every == BillingEvery::month     ? 1.0
                              : *k.billing.every == BillingEvery::quarter ? 1.0 / 3
                                                                          : 1.0 / 12;
        l.invoice_minutes = ws.config.invoice_minutes;
        auto recent = [&](Date d) {
            return days_between(d, as_of) >= 0 && days_between(d, as_of) < 90;
        };
        for (const auto& r : c.requests)
            if (recent(r.date)) l.requests += 1.0 / 3;
        for (const auto& x : c.changes)
            if (recent(x.date)) l.changes += 1.0 / 3;
        l.request_minutes = ws.config.request_minutes;
        l.change_minutes = ws.config.change_minutes;
        for (const auto& i : c.interactions) {
            int age = days_between(i.date, as_of);
            if (i.minutes && age >= 0 && age < 90) l.logged_90 += *i.minutes;
        }
        auto& o = by_owner[name];
        o.owner = name;
        o.named = c.owner.has_value();
        o.clients.push_back(l);
        w.total.clients.push_back(l);
    }
    for (auto& [name, o] : by_owner) {
        add_up(o, w.fte_hours);
        w.owners.push_back(std::move(o));
    }
    w.total.owner = "total";
    add_up(w.total, w.fte_hours);
    return w;
}

}  // namespace acctool
