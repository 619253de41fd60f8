#include "acct/brief/brief.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "acct/report/percent.h"
#include "acct/rules/renewal.h"

namespace acctool {

namespace {

bool within(Date d, const BriefWindow& w) {
    return !(d < w.from) && !(w.to < d);
}

std::int64_t pow10(int n) {
    std::int64_t p = 1;
    while (n-- > 0)
        p *= 10;
    return p;
}

std::optional<BriefMetric> metric_result(const MetricSeries& s, const BriefWindow& w) {
    const SeriesPoint* first = nullptr;
    const SeriesPoint* last = nullptr;
    for (const auto& p : s.points) {
        if (!(w.from < p.date)) first = &p;  // the last at or before the start
        if (within(p.date, w)) last = &p;
    }
    if (!last) return std::nullopt;
    if (!first)
        for (const auto& p : s.points)
            if (within(p.date, w)) {
                first = &p;
                break;
            }
    BriefMetric m{s.name, s.unit, *first, *last, subtract(last->value, first->value), {}, {}};
    // Both at one scale, so that the ratio is of whole numbers.
    int scale = std::max(first->value.scale, last->value.scale);
    std::int64_t base = std::llabs(first->value.units) * pow10(scale - first->value.scale);
    std::int64_t diff = std::llabs(m.change.units) * pow10(scale - m.change.scale);
    if (base != 0) {
        auto pct = percent(diff, base);  // half up on the magnitude
        if (pct) m.percent = (m.change.units < 0 ? "-" : "+") + *pct;
    }
    for (const auto& p : s.points)
        if (!(p.date < first->date) && !(w.to < p.date)) m.points.push_back(p);
    return m;
}

}  // namespace

Decimal subtract(Decimal b, Decimal a) {
    int scale = std::max(a.scale, b.scale);
    return Decimal{b.units * pow10(scale - b.scale) - a.units * pow10(scale - a.scale), scale};
}

BriefWindow default_brief_window(const Client& client, Date as_of) {
    std::optional<Date> last_report;
    for (const auto& x : client.interactions)
        if (x.kind == InteractionKind::report && x.date < as_of &&
            (!last_report || *last_report < x.date))
            last_report = x.date;
    if (last_report) return {add_days(*last_report, 1), as_of};
    if (client.since) return {*client.since, as_of};
    return {add_days(as_of, -30), as_of};
}

Brief build_brief(const Client& client, const Config& config, BriefWindow window, Date as_of) {
    (void)config;
    Brief b;
    b.client = client.id;
    b.client_name = client.name;
    auto account = client.team.find("account");
    b.author = account != client.team.end() ? account->second : client.owner.value_or("");
    b.window = window;

    for (const auto& r : client.requests) {
        if (r.dropped) continue;
        if (r.done && within(*r.done, window)) b.delivered.push_back({r.title, r.done});
        if (!r.done) b.open_requests.push_back({r.title, r.due});
    }
    std::stable_sort(b.delivered.begin(), b.delivered.end(),
                     [](const auto& x, const auto& y) { return *x.date < *y.date; });
    for (const auto& x : client.interactions) {
        if (x.kind == InteractionKind::note || !within(x.date, window)) continue;
        b.interactions.push_back({x.date, x.kind, x.summary.str()});
        b.minutes += x.minutes.value_or(0);
    }
    std::stable_sort(b.interactions.begin(), b.interactions.end(),
                     [](const auto& x, const auto& y) { return x.date < y.date; });

    for (const auto& c : client.changes) {
        BriefChange x{c.title, c.by, c.status, c.decided, c.budget, c.deadline};
        bool undecided = c.status == ChangeStatus::proposed || c.status == ChangeStatus::sent;
        if (undecided && (c.by == ChangeBy::client || c.status == ChangeStatus::sent))
            b.open_changes.push_back(x);
        bool decided = c.status == ChangeStatus::approved || c.status == ChangeStatus::rejected;
        if (decided && c.decided && within(*c.decided, window)) b.decisions.push_back(x);
    }
    std::stable_sort(b.decisions.begin(), b.decisions.end(),
                     [](const auto& x, const auto& y) { return *x.decided < *y.decided; });

    for (const auto& s : metric_series(client.metrics))
        if (auto m = metric_result(s, window)) b.metrics.push_back(std::move(*m));

    const BriefWindow ahead{add_days(as_of, 1), add_days(as_of, 30)};
    for (const auto& r : b.open_requests)
        if (r.date && within(*r.date, ahead)) b.coming_up.push_back({*r.date, false, r.title});
    for (const auto& k : client.contracts) {
        if (k.status != ContractStatus::signed_ || !k.end || k.renewed_by) continue;
        Date end = k.auto_renew ? next_renewal_end(*k.end, k.term, k.notice, as_of) : *k.end;
        if (within(end, ahead)) b.coming_up.push_back({end, true, k.title});
    }
    std::stable_sort(b.coming_up.begin(), b.coming_up.end(),
                     [](const auto& x, const auto& y) { return x.date < y.date; });

    std::map<std::string, Money> open;
    for (const auto& inv : client.invoices) {
        if (inv.is_void) continue;
        if (within(inv.issued, window)) b.invoices.push_back({inv.number, inv.issued, inv.amount});
        Money due = inv.balance();
        if (due.minor <= 0) continue;
        auto [it, fresh] = open.emplace(due.currency.code, due);
        if (!fresh) it->second.minor += due.minor;
    }
    std::stable_sort(b.invoices.begin(), b.invoices.end(), [](const auto& x, const auto& y) {
        return x.issued < y.issued || (x.issued == y.issued && x.number < y.number);
    });
    for (auto& [code, money] : open)
        b.balances.push_back(money);
    return b;
}

}  // namespace acctool
