#include "acct/load/signed_decimal.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "acct/model/message.h"

namespace acctool {

namespace {

bool all_digits(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace

bool has_exponent(std::string_view s) {
    std::size_t e = s.find_first_of("eE");
    if (e == std::string_view::npos || e == 0) return false;
    std::string_view mantissa = s.substr(0, e), power = s.substr(e + 1);
    if (!power.empty() && (power.front() == '+' || power.front() == '-')) power.remove_prefix(1);
    std::size_t dot = mantissa.find('.');
    std::string_view whole = mantissa.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? "" : mantissa.substr(dot + 1);
    return !power.empty() && all_digits(power) && !(whole.empty() && frac.empty()) &&
           all_digits(whole) && all_digits(frac);
}

Result<Decimal> parse_signed_decimal(std::string_view text) {
    std::string_view s = text;
    bool negative = !s.empty() && s.front() == '-';
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
    if (has_exponent(s))
        return Failure{words(
            say("'{}' has an exponent: write the number out in digits (1000, not 1e3)", text))};
    std::size_t dot = s.find('.');
    std::string_view whole = s.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? "" : s.substr(dot + 1);
    if (whole.empty() || !all_digits(whole) || !all_digits(frac) ||
        (dot != std::string_view::npos && frac.empty()))
        return Failure{
            words(say("'{}' is not a number: write digits with an optional sign and a point "
                      "before the fraction, such as 1200, -3.5 or 0.25",
                      text))};
    // Shaped as parse_decimal takes it: what is left to refuse are its limits.
    auto d = parse_decimal(s);
    if (!d) return Failure{fmt::format("'{}': {}", text, d.error())};
    return Decimal{negative ? -d->units : d->units, d->scale};
}

}  // namespace acctool
