#pragma once
// Exact money: an integer count of minor units and a currency. Never a double.
#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "acct/model/result.h"

namespace acctool {

struct Currency {
    std::string code;  // three upper-case letters
    int digits = 2;    // minor digits (ISO 4217; 2 for codes it does not list)
    bool known = true;

    friend bool operator==(const Currency& a, const Currency& b) { return a.code == b.code; }
};

// Three upper-case letters; `known` is false (digits 2) when ISO 4217 lacks it.
Result<Currency> parse_currency(std::string_view text);

// A decimal as written: 900.5 is {9005, 1}. Non-negative.
struct Decimal {
    std::int64_t units = 0;
    int scale = 0;
};
Result<Decimal> parse_decimal(std::string_view text);

struct Money {
    std::int64_t minor = 0;
    Currency currency;

    friend bool operator==(const Money& a, const Money& b) {
        return a.minor == b.minor && a.currency == b.currency;
    }
};

// Fails when the decimal has more fraction digits than the currency.
Result<Money> to_money(Decimal d, const Currency& c);
// Exactly the currency's fraction digits: "150000.00", JPY "1500".
std::string format_amount(const Money& m);
// Multiplies by num/den, rounding half up (amounts are non-negative).
Money scale(const Money& m, std::int64_t num, std::int64_t den);

}  // namespace acctool

template <>
struct fmt::formatter<acctool::Money> : fmt::formatter<std::string_view> {
    template <class Ctx>
    auto format(const acctool::Money& m, Ctx& ctx) const {
        return fmt::formatter<std::string_view>::format(
            acctool::format_amount(m) + " " + m.currency.code, ctx);
    }
};
