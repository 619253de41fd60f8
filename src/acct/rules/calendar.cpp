#include "acct/rules/calendar.h"

namespace acctool {

bool is_day_off(Date d, const Config& config) {
    return is_weekend(d) || config.holidays.count(d) > 0;
}

Date move_off_days_off(Date d, const Config& config, Direction way) {
    const int step = way == Direction::back ? -1 : 1;
    while (is_day_off(d, config))
        d = add_days(d, step);
    return d;
}

}  // namespace acctool
