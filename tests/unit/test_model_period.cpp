#include <doctest/doctest.h>

#include "acct/model/period.h"

using namespace acctool;

TEST_CASE("periods: every spelling of SPEC 2") {
    CHECK(*parse_period("2w") == Period{2, PeriodUnit::week});
    CHECK(*parse_period("45 days") == Period{45, PeriodUnit::day});
    CHECK(*parse_period("1 month") == Period{1, PeriodUnit::month});
    CHECK(*parse_period("3mo") == Period{3, PeriodUnit::month});
    CHECK(*parse_period("2 quarters") == Period{2, PeriodUnit::quarter});
    CHECK(*parse_period("1y") == Period{1, PeriodUnit::year});
    CHECK(*parse_period("biweekly") == Period{2, PeriodUnit::week});
    CHECK(*parse_period("quarterly") == Period{1, PeriodUnit::quarter});
    CHECK(*parse_period("daily") == Period{1, PeriodUnit::day});
}

TEST_CASE("periods: errors suggest the fix") {
    CHECK(parse_period("2m").error() ==
          "'2m' is ambiguous: write '2mo' for months ('min' is for durations)");
    CHECK(parse_period("0d").error() == "a period must be at least 1: did you mean '1d'?");
    CHECK(parse_period("2W").error() == "units are lower case: did you mean '2w'?");
    CHECK(parse_period("14").error() == "a period needs a unit: did you mean '14d'?");
    CHECK(parse_period("Monthly").error() == "did you mean 'monthly'? words are lower case");
    CHECK(parse_period("2 fortnights").error() ==
          "unknown unit 'fortnights': use d, w, mo, q or y (as in '2d')");
    CHECK(parse_period("101y").error() == "a period may be at most 100 years");
    CHECK_FALSE(parse_period("").ok());
    CHECK_FALSE(parse_period("-1d").ok());
}

TEST_CASE("periods print as a number and a short unit") {
    CHECK(format_period(*parse_period("7 days")) == "7d");
    CHECK(format_period(*parse_period("biweekly")) == "2w");
    CHECK(format_period(*parse_period("monthly")) == "1mo");
    CHECK(format_period(*parse_period("1 quarter")) == "1q");
    CHECK(format_period(*parse_period("yearly")) == "1y");
}

TEST_CASE("period arithmetic is monotonic") {
    Date start = *parse_date("2023-01-29");
    for (const char* text : {"1d", "1w", "1mo", "1q", "1y"}) {
        Period p = *parse_period(text);
        Date prev = start;
        for (int k = 1; k < 60; ++k) {
            Date next = add(start, times(p, k));
            CHECK(next > prev);
            prev = next;
        }
    }
}

TEST_CASE("durations") {
    CHECK(*parse_duration("45min") == 45);
    CHECK(*parse_duration("1h30min") == 90);
    CHECK(*parse_duration("1h 30min") == 90);
    CHECK(*parse_duration("2h") == 120);
    CHECK(parse_duration("30").error() == "a duration needs a unit: did you mean '30min'?");
    CHECK_FALSE(parse_duration("30min1h").ok());
    CHECK_FALSE(parse_duration("1.5h").ok());
    CHECK(format_duration(90) == "1h30min");
    CHECK(format_duration(45) == "45min");
    CHECK(format_duration(120) == "2h");
}
