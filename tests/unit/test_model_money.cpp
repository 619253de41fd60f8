#include <doctest/doctest.h>

#include "acct/model/money.h"

using namespace acctool;

static Money money(const char* amount, const char* currency) {
    return *to_money(*parse_decimal(amount), *parse_currency(currency));
}

TEST_CASE("currencies carry ISO 4217 minor digits") {
    CHECK(parse_currency("EUR")->digits == 2);
    CHECK(parse_currency("JPY")->digits == 0);
    CHECK(parse_currency("KWD")->digits == 3);
    CHECK(parse_currency("RUB")->digits == 2);
    CHECK(parse_currency("CHF")->known);
    CHECK_FALSE(parse_currency("XYZ")->known);
    CHECK(parse_currency("XYZ")->digits == 2);
    CHECK(parse_currency("eur").error() == "currency codes are upper case: did you mean 'EUR'?");
    CHECK_FALSE(parse_currency("EURO").ok());
}

TEST_CASE("amounts are exact and have at most the currency's digits") {
    CHECK(format_amount(money("150000", "EUR")) == "150000.00");
    CHECK(format_amount(money("0.1", "EUR")) == "0.10");
    CHECK(format_amount(money("1500", "JPY")) == "1500");
    CHECK(format_amount(money("1.5", "KWD")) == "1.500");
    CHECK(to_money(*parse_decimal("10.505"), *parse_currency("EUR")).error() ==
          "EUR has 2 decimal places: too many digits after the point");
    CHECK(to_money(*parse_decimal("100.000"), *parse_currency("EUR")).error() ==
          "EUR has 2 decimal places: too many digits after the point");
    CHECK(to_money(*parse_decimal("10.5"), *parse_currency("JPY")).error() ==
          "JPY has no minor unit: write a whole number");
    CHECK(parse_decimal("-5").error() == "an amount must not be negative");
    CHECK_FALSE(parse_decimal("1,000.00").ok());
    CHECK_FALSE(parse_decimal("1e3").ok());
    CHECK_FALSE(parse_decimal("99999999999999999999999999999999.99").ok());
    // 13 digits before the point and 6 after would be 19 digits, past 2^63.
    CHECK(parse_decimal("9999999999999.99999").ok());
    CHECK(parse_decimal("9999999999999.999999").error() == "too many digits (at most 18 in all)");
    CHECK(parse_decimal("999999999999.999999")->units == 999999999999999999);
}

TEST_CASE("payments of 0.10 and 99.90 settle 100.00 exactly") {
    Money total = money("100.00", "EUR");
    total.minor -= money("0.10", "EUR").minor;
    total.minor -= money("99.90", "EUR").minor;
    CHECK(total.minor == 0);
}

TEST_CASE("converting between month, quarter and year rounds half up") {
    CHECK(format_amount(scale(money("1000.00", "EUR"), 3, 1)) == "3000.00");
    CHECK(format_amount(scale(money("100.00", "EUR"), 1, 12)) == "8.33");
    CHECK(format_amount(scale(money("100.02", "EUR"), 1, 12)) == "8.34");  // 8.335 -> 8.34
    CHECK(format_amount(scale(money("10.00", "EUR"), 1, 3)) == "3.33");
    CHECK(format_amount(scale(money("1000", "JPY"), 1, 3)) == "333");
    CHECK(format_amount(scale(money("1.00", "EUR"), 3, 12)) == "0.25");
}
