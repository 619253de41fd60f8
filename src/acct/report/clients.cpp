#include "acct/report/clients.h"

#include <map>

namespace acctool {

std::vector<Money> outstanding_by_currency(const Client& c) {
    std::map<std::string, Money> sums;
    for (const auto& inv : c.invoices) {
        if (inv.is_void) continue;
        Money b = inv.balance();
        if (b.minor <= 0) continue;
        auto [it, fresh] = sums.try_emplace(b.currency.code, Money{0, b.currency});
        it->second.minor += b.minor;
    }
    std::vector<Money> out;
    for (auto& [code, m] : sums)
        out.push_back(m);
    return out;
}

std::vector<ClientSummary> summarize_clients(const Workspace& ws, const DueOptions& options) {
    std::vector<ClientSummary> out;
    std::map<const Client*, ClientSummary> by_client;
    for (const auto& c : ws.clients)
        by_client[&c] =
            ClientSummary{&c, latest_interaction(c), std::nullopt, 0, outstanding_by_currency(c)};
    for (auto& item : all_items(ws, options)) {
        ClientSummary& s = by_client[item.client];
        if (item.listed_from <= options.as_of) ++s.open_items;
        if (!s.next || item.due < s.next->due) s.next = item;
    }
    for (const auto& c : ws.clients)
        out.push_back(by_client[&c]);
    return out;
}

}  // namespace acctool
