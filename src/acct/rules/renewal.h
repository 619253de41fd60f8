#pragma once
// SPEC 3's next end E of an auto-renewing contract, shared by the notice
// rule and by `acct renew`.
#include "acct/model/date.h"
#include "acct/model/period.h"

namespace acctool {

// The first of end, end + term, end + 2·term, ... (each added to `end`)
// whose notice deadline (E − notice) is not before `as_of`.
Date next_renewal_end(Date end, Period term, Period notice, Date as_of);

}  // namespace acctool
