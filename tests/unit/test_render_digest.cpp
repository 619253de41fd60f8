#include <doctest/doctest.h>

#include "acct/render/digest.h"

using namespace acctool;

namespace {

bool has(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}

Date d(const char* s) {
    return *parse_date(s);
}

}  // namespace

TEST_CASE("the digest page shows each at-risk client's score and never an empty list") {
    Client set_by_hand, slipping;
    set_by_hand.id = "alpha";
    set_by_hand.name = "Alpha </svg>";
    slipping.id = "beta";
    slipping.name = "Beta";
    Digest digest;
    digest.as_of = d("2026-11-27");
    // alpha: computed 100 green, set to red by hand, no signal at all.
    ClientHealth alpha;
    alpha.client = &set_by_hand;
    alpha.band = HealthBand::red;
    alpha.set = HealthSet{HealthBand::red, "CFO left <script>", d("2026-12-31"), {}};
    // beta: 100 - 15 - 30 - 25 - 20 = 10, red as computed.
    ClientHealth beta;
    beta.client = &slipping;
    beta.score = 10;
    beta.computed_band = beta.band = HealthBand::red;
    beta.signals.push_back({Signal::silence, -15, {}});
    digest.at_risk = {beta, alpha};
    auto html = render_digest_html(digest);
    CHECK(html.starts_with("<!DOCTYPE html>"));
    CHECK(has(html, "Content-Security-Policy"));
    CHECK(!has(html, "<ul>\n</ul>"));
    CHECK(has(html, "<li>Band set by hand to red until 2026-12-31: CFO left &lt;script&gt;</li>"));
    CHECK(!has(html, "<script"));
    CHECK(has(html, "alpha (Alpha &lt;/svg&gt;): score 100, band red\n"));
    // Score 10: a red bar 10 units of 100; score 100 computed green: full.
    CHECK(has(html,
              "<rect class=\"bar\" x=\"1\" y=\"1\" width=\"10\" height=\"12\" "
              "fill=\"#c62828\"><title>Health score 10 of 100</title>"));
    CHECK(has(html,
              "<rect class=\"bar\" x=\"1\" y=\"1\" width=\"100\" height=\"12\" "
              "fill=\"#2e7d32\"><title>Health score 100 of 100</title>"));
    CHECK(html.find("beta (Beta)") < html.find("alpha (Alpha"));
}
