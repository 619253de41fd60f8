#include <doctest/doctest.h>
#include <fmt/format.h>

#include "acct/load/signed_decimal.h"

using namespace acctool;

namespace {

std::string refusal(std::string_view text) {
    auto d = parse_signed_decimal(text);
    REQUIRE_FALSE(d);
    return d.error();
}

}  // namespace

TEST_CASE("signed decimals: a sign, digits and a point") {
    auto d = parse_signed_decimal("-2000");
    REQUIRE(d);
    CHECK(d->units == -2000);
    CHECK(d->scale == 0);
    d = parse_signed_decimal("+150.50");
    REQUIRE(d);
    CHECK(d->units == 15050);
    CHECK(d->scale == 2);
}

TEST_CASE("signed decimals: the error says what is wrong") {
    CHECK(refusal("1e3") ==
          "'1e3' has an exponent: write the number out in digits (1000, not 1e3)");
    CHECK(refusal("-2.5E-4") ==
          "'-2.5E-4' has an exponent: write the number out in digits (1000, not 1e3)");
    for (const char* bad : {"1,5", "", "--1", "+-1", ".5", "1.", "abc", "e3"})
        CHECK_MESSAGE(refusal(bad) == fmt::format("'{}' is not a number: write digits with an "
                                                  "optional sign and a point before the "
                                                  "fraction, such as 1200, -3.5 or 0.25",
                                                  bad),
                      bad);
    // 14 digits before the point, 7 after, 19 in all: parse_decimal's limits.
    CHECK(refusal("-12345678901234") ==
          "'-12345678901234': the amount is too large (at most 13 digits before the point)");
    CHECK(refusal("1.1234567") == "'1.1234567': too many digits after the point");
    CHECK(refusal("1234567890123.123456") ==
          "'1234567890123.123456': too many digits (at most 18 in all)");
}
