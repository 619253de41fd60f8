#pragma once
// One line of facts per client for `acct clients`, and the balances `show`
// needs: last contact, next item due, open items, money owed per currency.
#include <optional>
#include <vector>

#include "acct/rules/due.h"

namespace acctool {

struct ClientSummary {
    const Client* client = nullptr;
    const Interaction* last = nullptr;  // latest interaction
    std::optional<DueItem> next;        // the earliest item, listed or not
    int open_items = 0;                 // items listed now
    std::vector<Money> balances;        // outstanding, one per currency, by code
};

std::vector<ClientSummary> summarize_clients(const Workspace& ws, const DueOptions& options);
std::vector<Money> outstanding_by_currency(const Client& c);

}  // namespace acctool
