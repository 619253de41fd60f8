#include <doctest/doctest.h>

#include "acct/cli/values.h"
#include "acct/model/metric.h"

using namespace acctool;
using namespace acctool::cli;

static Date d(const char* s) {
    return *parse_date(s);
}

TEST_CASE("--next takes a date, a period from the base, or the next weekday") {
    Date friday = d("2026-11-27");
    CHECK(*parse_when("2026-12-01", friday) == d("2026-12-01"));
    CHECK(*parse_when("2w", friday) == d("2026-12-11"));
    CHECK(*parse_when("1mo", d("2026-01-31")) == d("2026-02-28"));
    CHECK(*parse_when("today", friday) == friday);
    CHECK(*parse_when("tomorrow", friday) == d("2026-11-28"));
    // The next such day after the base: a week on for the base's own weekday.
    CHECK(*parse_when("fri", friday) == d("2026-12-04"));
    CHECK(*parse_when("friday", friday) == d("2026-12-04"));
    CHECK(*parse_when("mon", friday) == d("2026-11-30"));
    CHECK(*parse_when("sat", friday) == d("2026-11-28"));
    CHECK(parse_when("2026-02-30", friday).error() == "'2026-02-30': 2026-02 has 28 days");
    CHECK(parse_when("fr", friday)
              .error()
              .starts_with(
                  "'fr' is not a date (YYYY-MM-DD), a period (2w, 10d, 1mo) or a weekday (fri)"));
}

TEST_CASE("record text must be UTF-8 and not empty") {
    CHECK(*parse_text("Обсудили") == "Обсудили");
    CHECK(parse_text("  ").error() == "is empty");
    CHECK(parse_text("bad \xff").error() == "is not valid UTF-8");
}

TEST_CASE("amounts keep to the currency's digits") {
    Currency eur{"EUR", 2, true}, jpy{"JPY", 0, true};
    CHECK(parse_money("1200.5", eur)->minor == 120050);
    CHECK(parse_money("1500", jpy)->minor == 1500);
    CHECK(!parse_money("1.5", jpy));
    CHECK(!parse_money("-3", eur));
}

TEST_CASE("a number takes a sign and a point; a wrong one says what is wrong") {
    auto shown = [](const char* text) { return format_decimal(*parse_number(text)); };
    CHECK(shown("-3") == "-3");
    CHECK(shown("+2.50") == "2.50");
    CHECK(shown(".5") == "0.5");
    CHECK(shown("-.5") == "-0.5");
    CHECK(shown("007") == "7");
    // The largest that fit: 13 digits before the point, 6 after, 18 in all.
    CHECK(shown("9999999999999") == "9999999999999");
    CHECK(shown("999999999999.999999") == "999999999999.999999");
    CHECK(shown("-0.000001") == "-0.000001");
    CHECK(parse_number("99999999999999").error() ==
          "'99999999999999' is too large: at most 13 digits before the point");
    CHECK(parse_number("1.1234567").error() ==
          "'1.1234567' has too many digits after the point: at most 6");
    // 19 digits would not fit in 64 bits (the value came out negative).
    CHECK(parse_number("9999999999999.999999").error() ==
          "'9999999999999.999999' has too many digits: at most 18 in all");
    CHECK(parse_number("1e400").error() ==
          "'1e400' has an exponent: write the number out in digits (1000, not 1e3)");
    CHECK(parse_number("2.5E-4").error().find("exponent") != std::string::npos);
    for (const char* bad : {"", "-", ".", "5.", "1,5", "+-3", "--3", "e3", "1e", "1 000", "inf"})
        CHECK_MESSAGE(parse_number(bad).error().find("is not a number") != std::string::npos, bad);
}

TEST_CASE("an amount is read as a number, never negative") {
    Currency eur{"EUR", 2, true};
    CHECK(parse_money(".5", eur)->minor == 50);
    CHECK(parse_money("-3", eur).error() == "'-3': an amount must not be negative");
    CHECK(parse_money("1,5", eur).error() ==
          "'1,5' is not an amount: write digits with a point before the fraction, such as 1500 "
          "or 1500.50");
    CHECK(parse_money("99999999999999", eur).error() ==
          "'99999999999999' is too large: at most 13 digits before the point");
    // The parser's limits are parse_decimal's: what one takes, the other does.
    CHECK(parse_decimal("9999999999999"));
    CHECK(parse_decimal("0.123456"));
    CHECK(!parse_decimal("99999999999999"));
    CHECK(!parse_decimal("0.1234567"));
}

TEST_CASE("enumeration words get a did-you-mean") {
    CHECK(*parse_choice<InteractionKind>("meeting") == InteractionKind::meeting);
    CHECK(parse_choice<InteractionKind>("cal").error() ==
          "'cal' is not one of call, email, meeting, message, report, note; did you mean 'call'?");
}

TEST_CASE("--as-of takes a date, today, yesterday or tomorrow (SPEC 4)") {
    const Date friday = d("2026-11-27");
    CHECK(*parse_as_of("2026-12-01", friday) == d("2026-12-01"));
    CHECK(*parse_as_of("today", friday) == friday);
    CHECK(*parse_as_of("yesterday", friday) == d("2026-11-26"));
    CHECK(*parse_as_of("tomorrow", friday) == d("2026-11-28"));
    CHECK(*parse_as_of("tomorrow", d("2026-12-31")) == d("2027-01-01"));
    // Not the writers' periods and weekdays: --as-of is a day, not a distance.
    CHECK(parse_as_of("2w", friday).error() ==
          "'2w' is not a date (YYYY-MM-DD), today, yesterday or tomorrow");
    CHECK(parse_as_of("2026-02-30", friday).error() == "'2026-02-30': 2026-02 has 28 days");
    CHECK(*parse_when("yesterday", friday) == d("2026-11-26"));
}
