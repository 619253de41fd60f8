#include <doctest/doctest.h>

#include "acct/model/date.h"
#include "acct/model/period.h"

using namespace acctool;

static Date d(const char* s) {
    return *parse_date(s);
}

TEST_CASE("dates parse strictly and name the problem") {
    CHECK(format_date(d("2026-11-27")) == "2026-11-27");
    CHECK(parse_date("2024-02-29").ok());
    CHECK(parse_date("2025-02-29").error() == "2025-02 has 28 days");
    CHECK(parse_date("2026-13-01").error() == "there is no month 13");
    CHECK(parse_date("2026-1-01").error() == "expected a date as YYYY-MM-DD");
    CHECK(parse_date("2026-11-27x").error() == "expected a date as YYYY-MM-DD");
    CHECK(parse_date("0000-01-01").error() == "the year must be 0001 or later");
    CHECK_FALSE(parse_date("").ok());
}

TEST_CASE("adding months clamps to the month's last day") {
    CHECK(add_months(d("2026-01-31"), 1) == d("2026-02-28"));
    CHECK(add_months(d("2024-01-31"), 1) == d("2024-02-29"));
    CHECK(add_months(d("2024-02-29"), 12) == d("2025-02-28"));
    CHECK(add_months(d("2026-03-31"), -1) == d("2026-02-28"));
    CHECK(add_months(d("2026-12-15"), 1) == d("2027-01-15"));
    CHECK(add(d("2026-01-31"), Period{2, PeriodUnit::month}) == d("2026-03-31"));
    CHECK(subtract(d("2026-03-31"), Period{1, PeriodUnit::quarter}) == d("2025-12-31"));
    CHECK(subtract(d("2026-05-31"), Period{1, PeriodUnit::quarter}) == d("2026-02-28"));
}

TEST_CASE("weekdays") {
    CHECK(iso_weekday(d("2026-11-27")) == 5);
    CHECK(weekday_name(d("2026-11-29")) == "Sun");
    CHECK(is_weekend(d("2026-11-28")));
    CHECK_FALSE(is_weekend(d("2026-11-30")));
}

TEST_CASE("every day from 1900 to 2200 round-trips, month steps never leave the calendar") {
    Date day = d("1900-01-01");
    int count = 0;
    while (day <= d("2200-12-31")) {
        REQUIRE(*parse_date(format_date(day)) == day);
        Date next_month = add_months(day, 1);
        REQUIRE(next_month.ok());
        REQUIRE(next_month > day);
        day = add_days(day, 1);
        ++count;
    }
    CHECK(count == 109938);  // 301 years, 73 of them leap
}
