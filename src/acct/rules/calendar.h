#pragma once
// Days off (Saturday, Sunday, acct.yaml `holidays`) and moving a date off
// them: back for a notice deadline (SPEC 3), forward for an SLA date (2.8).
#include "acct/model/records.h"

namespace acctool {

enum class Direction { back, forward };

bool is_day_off(Date d, const Config& config);
// `d` itself when it is a working day, else the nearest working day in `way`.
Date move_off_days_off(Date d, const Config& config, Direction way);

}  // namespace acctool
