#include "acct/model/billing_period.h"

using namespace std::chrono;

namespace acctool {

int BillingPeriod::months() const {
    switch (every) {
        case BillingEvery::quarter:
            return 3;
        case BillingEvery::year:
            return 12;
        default:
            return 1;
    }
}

BillingPeriod BillingPeriod::containing(Date d, BillingEvery every) {
    int y = static_cast<int>(d.year());
    int m = static_cast<int>(static_cast<unsigned>(d.month()));
    switch (every) {
        case BillingEvery::quarter:
            return {every, y, (m - 1) / 3 + 1};
        case BillingEvery::year:
            return {every, y, 1};
        default:
            return {BillingEvery::month, y, m};
    }
}

Date BillingPeriod::first_day() const {
    unsigned m = static_cast<unsigned>((index - 1) * months() + 1);
    return Date{std::chrono::year{year}, month{m}, day{1}};
}

Date BillingPeriod::last_day() const {
    return add_days(next().first_day(), -1);
}

BillingPeriod BillingPeriod::next() const {
    int per_year = 12 / months();
    return index == per_year ? BillingPeriod{every, year + 1, 1}
                             : BillingPeriod{every, year, index + 1};
}

BillingPeriod BillingPeriod::previous() const {
    int per_year = 12 / months();
    return index == 1 ? BillingPeriod{every, year - 1, per_year}
                      : BillingPeriod{every, year, index - 1};
}

std::string BillingPeriod::label() const {
    switch (every) {
        case BillingEvery::quarter:
            return fmt::format("{:04}-Q{}", year, index);
        case BillingEvery::year:
            return fmt::format("{:04}", year);
        default:
            return fmt::format("{:04}-{:02}", year, index);
    }
}

}  // namespace acctool
