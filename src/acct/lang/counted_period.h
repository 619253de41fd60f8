#pragma once
// A length of time always said with its number: en "1d", "2w"; ru "1 день",
// "2 недели". For sums ("27 ноября 2026 + 1 день"), where say_period's
// "a day" ("день") would lose the number.
#include <string>

#include "acct/model/period.h"

namespace acctool {

std::string say_counted_period(Period p);

}  // namespace acctool
