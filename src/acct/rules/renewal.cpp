#include "acct/rules/renewal.h"

namespace acctool {

Date next_renewal_end(Date end, Period term, Period notice, Date as_of) {
    // The deadline only grows with k, so a binary search.
    auto deadline_ok = [&](long k) {
        Period step = times(term, static_cast<int>(k));
        return subtract(k == 0 ? end : add(end, step), notice) >= as_of;
    };
    long lo = 0, hi = 1;
    while (!deadline_ok(hi))
        hi *= 2;
    if (deadline_ok(0)) return end;
    while (hi - lo > 1) {
        long mid = lo + (hi - lo) / 2;
        (deadline_ok(mid) ? hi : lo) = mid;
    }
    return add(end, times(term, static_cast<int>(hi)));
}

}  // namespace acctool
