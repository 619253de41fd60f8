#pragma once
// Recurring value per month at each month end, for a chart of how it moved
// (SPEC 7's recurring_on summed over clients, per currency). Pure.
#include <map>
#include <string>
#include <vector>

#include "acct/report/retention.h"

namespace acctool {

struct MonthValue {
    Date month_end;
    std::int64_t twelfths = 0;  // of a minor unit per month
};

struct CurrencyHistory {
    Currency currency;
    std::vector<MonthValue> months;  // oldest first, one per month end
};

// The last day of each of the `months` months ending with `last`'s month, by
// currency code; a currency appears when any month has a value in it.
// Former clients without `until` are left out, as in retention.
std::vector<CurrencyHistory> recurring_history(const std::vector<Client>& clients, Date last,
                                               int months);

}  // namespace acctool
