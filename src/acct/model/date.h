#pragma once
// Calendar dates and the clamping month arithmetic of SPEC 2.
#include <chrono>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "acct/model/result.h"

namespace acctool {

using Date = std::chrono::year_month_day;

// Strict YYYY-MM-DD with a real calendar date, years 1..9999.
Result<Date> parse_date(std::string_view text);
std::string format_date(Date d);

// Days from a to b (b - a).
int days_between(Date a, Date b);
Date add_days(Date d, int days);
// Adds whole months, clamping the day to the target month's last day.
Date add_months(Date d, int months);
// 1 = Monday ... 7 = Sunday.
unsigned iso_weekday(Date d);
bool is_weekend(Date d);
// "Mon", "Tue", ...
std::string_view weekday_name(Date d);
Date last_day_of_month(std::chrono::year y, std::chrono::month m);

}  // namespace acctool

template <>
struct fmt::formatter<acctool::Date> : fmt::formatter<std::string_view> {
    template <class Ctx>
    auto format(const acctool::Date& d, Ctx& ctx) const {
        return fmt::formatter<std::string_view>::format(acctool::format_date(d), ctx);
    }
};
