#include "acct/model/records.h"

namespace acctool {

Money Invoice::balance() const {
    Money b = amount;
    if (paid) {
        b.minor = 0;
        return b;
    }
    for (const auto& p : payments)
        b.minor -= p.amount.minor;
    return b;
}

}  // namespace acctool
