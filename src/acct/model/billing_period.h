#pragma once
// Calendar months, quarters and years that invoices are issued for.
#include <optional>
#include <string>
#include <string_view>

#include "acct/model/date.h"
#include "acct/model/records.h"

namespace acctool {

struct BillingPeriod {
    BillingEvery every = BillingEvery::month;  // month, quarter or year
    int year = 1970;
    int index = 1;  // month 1..12, quarter 1..4, or 1 for a year

    static BillingPeriod containing(Date d, BillingEvery every);
    Date first_day() const;
    Date last_day() const;
    BillingPeriod next() const;
    BillingPeriod previous() const;
    // 2026-11, 2026-Q4, 2026
    std::string label() const;
    int months() const;
};

// What an invoice's `period` names: a month (2026-11), a quarter (2026-Q4),
// a year (2026) or `once`; nothing when it is none of these.
std::optional<BillingEvery> invoice_period_kind(std::string_view label);

// An invoice's period when it gives none: the contract's billing period that
// holds `issued` (for `when: arrears` the one before it), `once` for a
// one-off schedule, "" with no schedule.
std::string default_invoice_period(Date issued, const Contract* contract);

}  // namespace acctool
