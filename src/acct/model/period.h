#pragma once
// Calendar lengths (`2w`, `45 days`, `monthly`) and time spent (`1h30min`).
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "acct/model/date.h"
#include "acct/model/result.h"

namespace acctool {

enum class PeriodUnit { day, week, month, quarter, year };

struct Period {
    int count = 1;
    PeriodUnit unit = PeriodUnit::day;

    friend bool operator==(const Period&, const Period&) = default;
};

// SPEC 2 grammar; errors carry a suggestion ("did you mean '14d'?").
Result<Period> parse_period(std::string_view text);
// Number and short unit: 7d, 2w, 1mo, 1q, 1y.
std::string format_period(Period p);
Period times(Period p, int k);
Date add(Date d, Period p);
Date subtract(Date d, Period p);
// Rough length in days, for estimates only (never for due dates).
int approx_days(Period p);

// Minutes of time spent: `45min`, `1h30min`, `2h`.
Result<int> parse_duration(std::string_view text);
std::string format_duration(int minutes);

}  // namespace acctool

template <>
struct fmt::formatter<acctool::Period> : fmt::formatter<std::string_view> {
    template <class Ctx>
    auto format(const acctool::Period& p, Ctx& ctx) const {
        return fmt::formatter<std::string_view>::format(acctool::format_period(p), ctx);
    }
};
