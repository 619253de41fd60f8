#include <doctest/doctest.h>

#include "acct/cli/values.h"

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
