#include "acct/report/recurring_history.h"

namespace acctool {

std::vector<CurrencyHistory> recurring_history(const std::vector<Client>& clients, Date last,
                                               int months) {
    std::vector<Date> ends;
    for (int i = months - 1; i >= 0; --i) {
        Date d = add_months(last, -i);
        ends.push_back(last_day_of_month(d.year(), d.month()));
    }
    std::map<std::string, CurrencyHistory> by_code;
    for (std::size_t m = 0; m < ends.size(); ++m)
        for (const auto& c : clients) {
            if (c.status == ClientStatus::former && !c.until) continue;  // left when? unknown
            for (const auto& [code, v] : recurring_on(c, ends[m])) {
                auto [it, fresh] = by_code.try_emplace(code, CurrencyHistory{v.currency, {}});
                if (fresh)
                    for (Date e : ends)
                        it->second.months.push_back({e, 0});
                it->second.months[m].twelfths += v.twelfths;
            }
        }
    std::vector<CurrencyHistory> out;
    for (auto& [code, h] : by_code)
        out.push_back(std::move(h));
    return out;
}

}  // namespace acctool
