#include "acct/model/money.h"
#include "acct/model/message.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace acctool {

namespace {

struct CurrencyDigits {
    std::string_view code;
    int digits;
};

// ISO 4217 active codes with minor units other than 2; every code in
// `two_digit_codes` below has 2.
constexpr std::array<CurrencyDigits, 26> odd_digits{{
    {"BHD", 3}, {"BIF", 0}, {"CLF", 4}, {"CLP", 0}, {"DJF", 0}, {"GNF", 0}, {"IQD", 3},
    {"ISK", 0}, {"JOD", 3}, {"JPY", 0}, {"KMF", 0}, {"KRW", 0}, {"KWD", 3}, {"LYD", 3},
    {"OMR", 3}, {"PYG", 0}, {"RWF", 0}, {"TND", 3}, {"UGX", 0}, {"UYI", 0}, {"UYW", 4},
    {"VND", 0}, {"VUV", 0}, {"XAF", 0}, {"XOF", 0}, {"XPF", 0},
}};

constexpr std::string_view two_digit_codes =
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP "
    "BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR "
    "FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW "
    "KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN "
    "NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD "
    "SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU "
    "UZS VED VES WST XCD XCG YER ZAR ZMW ZWG ZWL";

constexpr std::int64_t pow10(int n) {
    std::int64_t v = 1;
    for (int i = 0; i < n; ++i)
        v *= 10;
    return v;
}

}  // namespace

Result<Currency> parse_currency(std::string_view text) {
    if (text.size() != 3 || !std::all_of(text.begin(), text.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c));
        }))
        return Failure{words(say("expected a currency as three letters, such as EUR"))};
    if (!std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isupper(static_cast<unsigned char>(c)); })) {
        std::string up(text);
        for (char& c : up)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return Failure{words(say("currency codes are upper case: did you mean '{}'?", up))};
    }
    Currency c{std::string(text), 2, true};
    for (const auto& o : odd_digits)
        if (o.code == text) {
            c.digits = o.digits;
            return c;
        }
    for (size_t i = 0; i + 3 <= two_digit_codes.size(); i += 4)
        if (two_digit_codes.substr(i, 3) == text) return c;
    c.known = false;
    return c;
}

Result<Decimal> parse_decimal(std::string_view text) {
    if (!text.empty() && text.front() == '-')
        return Failure{words(say("an amount must not be negative"))};
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    size_t dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    std::string_view frac =
        dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    auto digits = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(),
                           [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    };
    if (whole.empty() || !digits(whole) || !digits(frac) ||
        (dot != std::string_view::npos && frac.empty()))
        return Failure{words(say("expected an amount such as 1500 or 1500.00"))};
    while (whole.size() > 1 && whole.front() == '0')
        whole.remove_prefix(1);
    // 13 digits before the point keep every amount, scaled to any currency's
    // minor units, far inside 64 bits; 18 in all keep any value inside them
    // (13 and 6 would not: 19 nines are past 2^63).
    if (whole.size() > 13)
        return Failure{words(say("the amount is too large (at most 13 digits before the point)"))};
    if (frac.size() > 6) return Failure{words(say("too many digits after the point"))};
    if (whole.size() + frac.size() > 18)
        return Failure{words(say("too many digits (at most 18 in all)"))};
    std::int64_t units = 0;
    for (char c : whole)
        units = units * 10 + (c - '0');
    for (char c : frac)
        units = units * 10 + (c - '0');
    return Decimal{units, static_cast<int>(frac.size())};
}

Result<Money> to_money(Decimal d, const Currency& c) {
    if (d.scale > c.digits) {
        if (c.digits == 0)
            return Failure{words(say("{} has no minor unit: write a whole number", c.code))};
        if (c.digits == 1)
            return Failure{
                words(say("{} has 1 decimal place: too many digits after the point", c.code))};
        return Failure{words(
            say("{} has {} decimal places: too many digits after the point", c.code, c.digits))};
    }
    return Money{d.units * pow10(c.digits - d.scale), c};
}

std::string format_amount(const Money& m) {
    std::int64_t v = m.minor < 0 ? -m.minor : m.minor;
    std::string sign = m.minor < 0 ? "-" : "";
    if (m.currency.digits == 0) return fmt::format("{}{}", sign, v);
    std::int64_t p = pow10(m.currency.digits);
    return fmt::format("{}{}.{:0{}}", sign, v / p, v % p, m.currency.digits);
}

Money scale(const Money& m, std::int64_t num, std::int64_t den) {
    // Amounts stay below 10^17 minor units (parse_decimal), so ×12 fits.
    std::int64_t x = m.minor * num;
    return Money{(2 * x + den) / (2 * den), m.currency};
}

}  // namespace acctool
