#pragma once
// What the morning digest says (SPEC 4 `digest`), computed from the records:
// data problems, new today, overdue, today, upcoming, renewals and notice
// deadlines in the next 90 days, and receivables by currency. Pure.
#include <optional>
#include <string>
#include <vector>

#include "acct/health/score.h"
#include "acct/model/diagnostic.h"
#include "acct/rules/due.h"

namespace acctool {

struct Receivable {
    Money outstanding;  // all unpaid balances in this currency
    Money overdue;      // of which past their due date
    int invoices = 0;   // unpaid invoices
};

struct Digest {
    Date as_of;
    Period horizon;
    std::optional<std::string> owner;
    std::vector<Diagnostic> problems;
    std::vector<DueItem> new_today;  // listed from today, or due today
    std::vector<DueItem> overdue, today, upcoming;
    std::vector<ClientHealth> at_risk;  // band in force red, lowest score first
    std::vector<DueItem> renewals;      // renewal and notice items due in [as_of, as_of + 90 days]
    std::vector<Receivable> receivables;  // by currency code

    // Overdue or due today: what --if-any asks about.
    bool pressing() const { return !overdue.empty() || !today.empty(); }
};

struct DigestOptions {
    Date as_of;
    Period horizon;
    std::optional<std::string> owner;  // only this person's clients
};

inline constexpr int renewal_window_days = 90;

// Renewal and notice items due from the as-of date to 90 days on, listed
// yet or not, in SPEC order.
std::vector<DueItem> renewals_ahead(const Workspace& ws, const DueOptions& options);

// `diagnostics` are the workspace's; with an owner, only those in that
// person's client folders and in acct.yaml are kept.
Digest build_digest(const Workspace& ws, const std::vector<Diagnostic>& diagnostics,
                    const DigestOptions& options);

}  // namespace acctool
