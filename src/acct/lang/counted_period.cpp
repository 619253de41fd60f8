#include "acct/lang/counted_period.h"

#include "acct/lang/translate.h"

namespace acctool {

std::string say_counted_period(Period p) {
    if (current_language() != Language::ru) return format_period(p);
    auto n = static_cast<unsigned long>(p.count);
    switch (p.unit) {
        case PeriodUnit::day:
            return trnf("{} day", "{} days", n, n);
        // TRANSLATORS: a length of time after "every", "for", "before": in Russian
        // the accusative (раз в 1 неделю, за 2 недели).
        case PeriodUnit::week:
            return trnf("{} week", "{} weeks", n, n);
        case PeriodUnit::month:
            return trnf("{} month", "{} months", n, n);
        case PeriodUnit::quarter:
            return trnf("{} quarter", "{} quarters", n, n);
        case PeriodUnit::year:
            return trnf("{} year", "{} years", n, n);
    }
    return format_period(p);
}

}  // namespace acctool
