#include "acct/model/date.h"
#include "acct/model/message.h"

using namespace std::chrono;

namespace acctool {

namespace {

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}

}  // namespace

Result<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4)) ||
        !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2)))
        return Failure{words(say("expected a date as YYYY-MM-DD"))};
    int y = to_int(text.substr(0, 4));
    unsigned m = static_cast<unsigned>(to_int(text.substr(5, 2)));
    unsigned d = static_cast<unsigned>(to_int(text.substr(8, 2)));
    if (y < 1) return Failure{words(say("the year must be 0001 or later"))};
    if (m < 1 || m > 12)
        return Failure{words(say("there is no month {}", fmt::format("{:02}", m)))};
    Date last = last_day_of_month(year{y}, month{m});
    if (d < 1 || d > static_cast<unsigned>(last.day()))
        return Failure{words(say("{} has {} days", fmt::format("{}-{:02}", y, m),
                                 static_cast<unsigned>(last.day())))};
    return Date{year{y}, month{m}, day{d}};
}

std::string format_date(Date d) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()),
                       static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

int days_between(Date a, Date b) {
    return static_cast<int>((sys_days{b} - sys_days{a}).count());
}

Date add_days(Date d, int n) {
    return Date{sys_days{d} + days{n}};
}

Date last_day_of_month(year y, month m) {
    return Date{year_month_day_last{y, month_day_last{m}}};
}

Date add_months(Date d, int n) {
    year_month ym = year_month{d.year(), d.month()} + months{n};
    Date last = last_day_of_month(ym.year(), ym.month());
    return Date{ym.year(), ym.month(), d.day() > last.day() ? last.day() : d.day()};
}

unsigned iso_weekday(Date d) {
    return weekday{sys_days{d}}.iso_encoding();
}

bool is_weekend(Date d) {
    return iso_weekday(d) >= 6;
}

std::string_view weekday_name(Date d) {
    static constexpr std::string_view names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return names[iso_weekday(d) - 1];
}

}  // namespace acctool
