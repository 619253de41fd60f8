#pragma once
// Calendar months, quarters and years that invoices are issued for.
#include <string>

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

}  // namespace acctool
