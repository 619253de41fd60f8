#include <doctest/doctest.h>

#include "acct/render/json.h"

using namespace acctool;

namespace {

std::string dumped(Json j) {
    std::string out = j.dump();
    out.pop_back();  // the final newline
    return out;
}

}  // namespace

TEST_CASE("decimals are written exactly, without trailing zeros") {
    CHECK(dumped(Json::decimal(67, 2)) == "0.67");
    CHECK(dumped(Json::decimal(390, 2)) == "3.9");
    CHECK(dumped(Json::decimal(16000, 2)) == "160");
    CHECK(dumped(Json::decimal(0, 3)) == "0");
    CHECK(dumped(Json::decimal(-5, 3)) == "-0.005");
}

TEST_CASE("hours and FTE are rounded half up (SPEC 4)") {
    CHECK(dumped(Json::rounded(40.0 / 60, 2)) == "0.67");  // 0.666...
    CHECK(dumped(Json::rounded(0.665, 2)) == "0.67");      // stored as 0.66499...
    CHECK(dumped(Json::rounded(0.0244803, 3)) == "0.024");
    CHECK(dumped(Json::rounded(0.0245, 3)) == "0.025");
    CHECK(dumped(Json::rounded(3.916852678571429, 2)) == "3.92");
    CHECK(dumped(Json::rounded(-1.005, 2)) == "-1.01");
}
