#include "acct/report/digest.h"

#include <algorithm>
#include <map>

namespace acctool {

namespace {

bool owned(const Client& c, const std::optional<std::string>& owner) {
    return !owner || c.owner == owner;
}

}  // namespace

std::vector<DueItem> renewals_ahead(const Workspace& ws, const DueOptions& o) {
    const Date window_end = add_days(o.as_of, renewal_window_days);
    std::vector<DueItem> out;
    for (auto& item : all_items(ws, o))
        if ((item.kind == ItemKind::renewal || item.kind == ItemKind::notice) &&
            item.due >= o.as_of && item.due <= window_end)
            out.push_back(std::move(item));
    sort_items(out);
    return out;
}

Digest build_digest(const Workspace& ws, const std::vector<Diagnostic>& diagnostics,
                    const DigestOptions& o) {
    Digest d{o.as_of, o.horizon, o.owner, {}, {}, {}, {}, {}, {}, {}, {}};
    std::vector<std::string> folders;
    for (const auto& c : ws.clients)
        if (owned(c, o.owner)) folders.push_back(c.folder + "/");
    for (const auto& diag : diagnostics) {
        bool mine = !o.owner || diag.where.file == "acct.yaml" ||
                    std::any_of(folders.begin(), folders.end(), [&](const std::string& f) {
                        return diag.where.file.starts_with(f);
                    });
        if (mine) d.problems.push_back(diag);
    }

    DueOptions rules{o.as_of, o.horizon};
    for (auto& item : find_due(ws, rules)) {
        if (!owned(*item.client, o.owner)) continue;
        if (item.listed_from == o.as_of || item.due == o.as_of) d.new_today.push_back(item);
        switch (status_of(item, o.as_of)) {
            case ItemStatus::overdue:
                d.overdue.push_back(item);
                break;
            case ItemStatus::today:
                d.today.push_back(item);
                break;
            case ItemStatus::upcoming:
                d.upcoming.push_back(item);
                break;
        }
    }
    for (auto& h : workspace_health(ws, o.as_of, o.horizon))
        if (h.band == HealthBand::red && owned(*h.client, o.owner)) d.at_risk.push_back(h);
    d.renewals = renewals_ahead(ws, rules);
    std::erase_if(d.renewals, [&](const DueItem& i) { return !owned(*i.client, o.owner); });

    std::map<std::string, Receivable> by_currency;
    for (const auto& c : ws.clients) {
        if (!owned(c, o.owner)) continue;
        for (const auto& inv : c.invoices) {
            if (inv.is_void) continue;
            Money balance = inv.balance();
            if (balance.minor <= 0) continue;
            auto [it, fresh] = by_currency.try_emplace(
                balance.currency.code,
                Receivable{Money{0, balance.currency}, Money{0, balance.currency}, 0});
            it->second.outstanding.minor += balance.minor;
            if (inv.due < o.as_of) it->second.overdue.minor += balance.minor;
            ++it->second.invoices;
        }
    }
    for (auto& [code, r] : by_currency)
        d.receivables.push_back(r);
    return d;
}

}  // namespace acctool
