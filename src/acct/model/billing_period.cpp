#include "acct/model/billing_period.h"

#include <algorithm>

#include <fmt/compile.h>

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
    // By hand in the usual years: a warm `acct due` makes one label per
    // invoice and per period of every contract.
    if (year >= 1 && year <= 9999 && index >= 1 &&
        index <= (every == BillingEvery::quarter ? 9 : 99)) {
        char text[8];
        auto put = [&](std::size_t at, int value, int digits) {
            for (int d = digits - 1; d >= 0; --d, value /= 10)
                text[at + static_cast<std::size_t>(d)] = static_cast<char>('0' + value % 10);
        };
        put(0, year, 4);
        if (every == BillingEvery::year) return std::string(text, 4);
        text[4] = '-';
        if (every == BillingEvery::quarter) {
            text[5] = 'Q';
            put(6, index, 1);
        } else {
            put(5, index, 2);
        }
        return std::string(text, 7);
    }
    switch (every) {
        // Compiled formats: a warm `acct due` makes one label per invoice
        // and per period of every contract.
        case BillingEvery::quarter:
            return fmt::format(FMT_COMPILE("{:04}-Q{}"), year, index);
        case BillingEvery::year:
            return fmt::format(FMT_COMPILE("{:04}"), year);
        default:
            return fmt::format(FMT_COMPILE("{:04}-{:02}"), year, index);
    }
}

std::optional<BillingEvery> invoice_period_kind(std::string_view s) {
    auto digits = [](std::string_view d) {
        return !d.empty() &&
               std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (s == "once") return BillingEvery::once;
    if (s.size() == 4 && digits(s) && s != "0000") return BillingEvery::year;
    if (s.size() == 7 && s[4] == '-' && digits(s.substr(0, 4)) && s.substr(0, 4) != "0000") {
        if (s[5] == 'Q' && s[6] >= '1' && s[6] <= '4') return BillingEvery::quarter;
        if (digits(s.substr(5)) && s.substr(5) >= "01" && s.substr(5) <= "12")
            return BillingEvery::month;
    }
    return std::nullopt;
}

std::string default_invoice_period(Date issued, const Contract* contract) {
    if (!contract || !contract->billing.every) return "";
    BillingEvery every = *contract->billing.every;
    if (every == BillingEvery::once) return "once";
    BillingPeriod p = BillingPeriod::containing(issued, every);
    if (contract->billing.when == BillingWhen::arrears) p = p.previous();
    return p.label();
}

}  // namespace acctool
