#include <doctest/doctest.h>

#include <fmt/format.h>

#include "acct/model/billing_period.h"

using namespace acctool;

TEST_CASE("a billing period's label: 2026-11, 2026-Q4, 2026") {
    CHECK(BillingPeriod{BillingEvery::month, 2026, 11}.label() == "2026-11");
    CHECK(BillingPeriod{BillingEvery::month, 2026, 1}.label() == "2026-01");
    CHECK(BillingPeriod{BillingEvery::quarter, 2026, 4}.label() == "2026-Q4");
    CHECK(BillingPeriod{BillingEvery::year, 2026, 1}.label() == "2026");
    CHECK(BillingPeriod{BillingEvery::month, 987, 3}.label() == "0987-03");
    CHECK(BillingPeriod{BillingEvery::year, 5, 1}.label() == "0005");
}

TEST_CASE("labels made by hand match the general format, in and past the usual years") {
    for (int year : {-12, 0, 1, 9, 10, 99, 100, 999, 1000, 1970, 2026, 9999, 10000, 32767})
        for (int index = 1; index <= 12; ++index) {
            CAPTURE(year);
            CAPTURE(index);
            CHECK(BillingPeriod{BillingEvery::month, year, index}.label() ==
                  fmt::format("{:04}-{:02}", year, index));
            if (index <= 4)
                CHECK(BillingPeriod{BillingEvery::quarter, year, index}.label() ==
                      fmt::format("{:04}-Q{}", year, index));
        }
    CHECK(BillingPeriod{BillingEvery::year, 10000, 1}.label() == "10000");
    CHECK(BillingPeriod{BillingEvery::year, -3, 1}.label() == fmt::format("{:04}", -3));
}
