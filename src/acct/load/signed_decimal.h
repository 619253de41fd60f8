#pragma once
// A number with an optional sign, as a metric's value or a change's budget is
// written in a file (SPEC 2.9, 2.10): digits and a point, no exponent.
#include <string_view>

#include "acct/model/money.h"
#include "acct/model/result.h"

namespace acctool {

// Whether `s` (without its sign) is a number in exponent form, 1e3 or
// 2.5E-4, which acct does not read.
bool has_exponent(std::string_view s);

// `-2000`, `+150.50`, `0.25`; the error names the text and says what is
// wrong with it: its shape, an exponent, or one of parse_decimal's limits.
Result<Decimal> parse_signed_decimal(std::string_view text);

}  // namespace acctool
