#pragma once
// The notice rule's dates (SPEC 3), shared by the rule and its explanation.
#include "acct/model/date.h"
#include "acct/model/period.h"

namespace acctool {

// E: the first of end, end + term, end + 2·term, ... whose notice deadline
// (E − notice, before any move off days off) is not before `as_of`.
Date next_renewal_end(Date end, Period term, Period notice, Date as_of);

}  // namespace acctool
