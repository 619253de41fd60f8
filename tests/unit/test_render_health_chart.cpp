#include <doctest/doctest.h>

#include "acct/render/health_chart.h"
#include "acct/render/svg.h"

using namespace acctool;

namespace {

bool has(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}

ClientHealth health(int score, HealthBand computed, HealthBand in_force) {
    ClientHealth h;
    h.score = score;
    h.computed_band = computed;
    h.band = in_force;
    return h;
}

}  // namespace

TEST_CASE("the band bar counts each client by its band in force") {
    // Two green, one yellow, one red by override (computed green): 2, 1, 1 of
    // 4 over 620 units from x 10: 310, 155, 155.
    std::vector<ClientHealth> all{health(90, HealthBand::green, HealthBand::green),
                                  health(80, HealthBand::green, HealthBand::green),
                                  health(60, HealthBand::yellow, HealthBand::yellow),
                                  health(95, HealthBand::green, HealthBand::red)};
    auto svg = svg_health_bands("Bands", all);
    CHECK(has(svg,
              "<rect class=\"bar\" x=\"10\" y=\"10\" width=\"310\" height=\"24\" "
              "fill=\"#2e7d32\"><title>green: 2</title>"));
    CHECK(has(svg,
              "x=\"320\" y=\"10\" width=\"155\" height=\"24\" fill=\"#f9a825\">"
              "<title>yellow: 1</title>"));
    CHECK(has(svg,
              "x=\"475\" y=\"10\" width=\"155\" height=\"24\" fill=\"#c62828\">"
              "<title>red: 1</title>"));
    CHECK(svg_health_bands("Bands", {}).empty());
}

TEST_CASE("a score is a bar of its length out of 100, in its computed band's colour") {
    // Score 20 of a client set to yellow by hand: 20 units long, red as computed.
    auto svg = svg_health_score(health(20, HealthBand::red, HealthBand::yellow));
    CHECK(has(svg, "viewBox=\"0 0 102 14\""));
    CHECK(has(svg, "<rect x=\"1\" y=\"1\" width=\"100\" height=\"12\" fill=\"none\""));
    CHECK(has(svg,
              "<rect class=\"bar\" x=\"1\" y=\"1\" width=\"20\" height=\"12\" "
              "fill=\"#c62828\"><title>Health score 20 of 100</title>"));
    // Zero keeps a mark one unit wide; above 100 stops at the track's end.
    CHECK(has(svg_score_bar("z", 0, "#c62828"), "width=\"1\" height=\"12\" fill=\"#c62828\""));
    CHECK(has(svg_score_bar("f", 140, "#2e7d32"), "width=\"100\" height=\"12\" fill=\"#2e7d32\""));
}
