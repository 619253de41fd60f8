#include <doctest/doctest.h>

#include <fmt/format.h>

#include "acct/render/html_page.h"
#include "acct/render/svg.h"

using namespace acctool;

namespace {

bool has(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a line chart puts a known series where the arithmetic says") {
    // Plot area x 120..600, y 220 (bottom) .. 20 (top); axis 0..100.
    // x: 120 + i * 480 / 2 = 120, 360, 600; y: 220 - v * 200 / 100 = 220, 120, 20.
    std::vector<ChartPoint> points{
        {"2026-01", 0, "0.00 EUR"}, {"2026-02", 50, "50.00 EUR"}, {"2026-03", 100, "100.00 EUR"}};
    auto svg = svg_line_chart("Recurring value, EUR", points);
    CHECK(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    CHECK(has(svg, "<title>Recurring value, EUR</title>"));
    CHECK(has(svg, "aria-label=\"Recurring value, EUR\""));
    CHECK(has(svg, "points=\"120,220 360,120 600,20\""));
    CHECK(has(svg,
              "<circle cx=\"360\" cy=\"120\" r=\"3\" fill=\"#1f6feb\"><title>2026-02: 50.00 "
              "EUR</title></circle>"));
    // The axis is labelled with the highest value and zero; the months below it.
    CHECK(has(svg, "<text x=\"114\" y=\"24\" text-anchor=\"end\""));
    CHECK(has(svg, ">100.00 EUR</text>"));
    CHECK(has(svg, ">0</text>"));
    CHECK(has(svg, "<text x=\"600\" y=\"236\" text-anchor=\"middle\""));
    CHECK(svg.ends_with("</svg>\n"));
}

TEST_CASE("a line chart with a negative value puts zero inside the axis") {
    // Axis -50..150: y = 220 - (v + 50) * 200 / 200 = 220 - (v + 50).
    // -50 -> 220, 150 -> 20, 0 -> 170.
    std::vector<ChartPoint> points{{"a", -50, "-50"}, {"b", 150, "150"}, {"c", 0, "0"}};
    auto svg = svg_line_chart("t", points);
    CHECK(has(svg, "points=\"120,220 360,20 600,170\""));
    CHECK(has(svg, ">-50</text>"));
    CHECK(has(svg, ">150</text>"));
}

TEST_CASE("an empty or single-point series draws without dividing by zero") {
    auto empty = svg_line_chart("t", {});
    CHECK(!has(empty, "<polyline"));
    CHECK(has(empty, ">No data</text>"));
    // One point: centred, x = (120 + 600) / 2 = 360; all zero: on the bottom line.
    auto one = svg_line_chart("t", {{"2026-05", 0, "0.00 EUR"}});
    CHECK(has(one, "points=\"360,220\""));
    CHECK(has(one, "<circle cx=\"360\" cy=\"220\""));
    CHECK(!has(one, "nan"));
    auto flat = svg_sparkline("s", {7, 7, 7});
    // Flat: the middle of 3..21 is 12; x from 3 to 117 in two steps of 57.
    CHECK(has(flat, "points=\"3,12 60,12 117,12\""));
    CHECK(!has(svg_sparkline("s", {}), "<polyline"));
    auto single = svg_sparkline("s", {4});
    CHECK(!has(single, "<polyline"));
    CHECK(has(single, "<circle cx=\"60\" cy=\"12\""));
}

TEST_CASE("a sparkline spans its lowest to its highest value and marks the last") {
    // y = 21 - (v - 1) * 18 / 2: 1 -> 21, 3 -> 3, 2 -> 12.
    auto svg = svg_sparkline("Visits", {1, 3, 2});
    CHECK(has(svg, "points=\"3,21 60,3 117,12\""));
    CHECK(has(svg, "<circle cx=\"117\" cy=\"12\" r=\"2\""));
    CHECK(has(svg, "width=\"120\" height=\"24\""));
}

TEST_CASE("stacked bars scale each row to its own total") {
    // Bar area 70..500 (430 wide). EUR 100 + 300: 107.5 and 322.5 wide.
    std::vector<StackedBar> bars{
        {"EUR",
         {{100, "EUR current: 100.00"}, {0, "EUR 1-30: 0.00"}, {300, "EUR 31+: 300.00"}},
         "400.00"},
        {"JPY", {{0, ""}, {0, ""}, {0, ""}}, "0"}};
    auto svg = svg_stacked_bars("Receivables aging", {"current", "1-30", "31+"}, bars);
    CHECK(
        has(svg,
            "<rect class=\"bar\" x=\"70\" y=\"30\" width=\"107.5\" height=\"22\" fill=\"#4c9a2a\">"
            "<title>EUR current: 100.00</title></rect>"));
    CHECK(has(svg,
              "<rect class=\"bar\" x=\"177.5\" y=\"30\" width=\"322.5\" height=\"22\" "
              "fill=\"#e0b32f\">"));
    CHECK(!has(svg, "EUR 1-30"));  // nothing to draw for an empty part
    // A row with nothing outstanding is an outline, not a division by zero.
    CHECK(has(svg, "<rect x=\"70\" y=\"64\" width=\"430\" height=\"22\" fill=\"none\""));
    CHECK(has(svg, ">400.00</text>"));
    CHECK(has(svg, ">current</text>"));
}

TEST_CASE("a band bar splits by counts and keeps only plain colours") {
    // 620 wide: 3 of 4 -> 465, 1 of 4 -> 155, starting at 10.
    auto svg = svg_band_bar(
        "Health",
        {{"green", 3, "#2e7d32"}, {"yellow", 0, "#f9a825"}, {"red", 1, "red\" onload=\"x"}});
    CHECK(has(svg,
              "<rect class=\"bar\" x=\"10\" y=\"10\" width=\"465\" height=\"24\" fill=\"#2e7d32\">"
              "<title>green: 3</title>"));
    CHECK(has(
        svg,
        "<rect class=\"bar\" x=\"475\" y=\"10\" width=\"155\" height=\"24\" fill=\"#999999\">"));
    CHECK(has(svg, ">yellow: 0</text>"));
    CHECK(!has(svg, "onload"));
    CHECK(has(svg_band_bar("Health", {}), ">No data</text>"));
}

TEST_CASE("text from the data cannot leave the chart") {
    std::string evil = "</svg><script>alert(1)</script>&\"'";
    std::string inert = "&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;";
    auto line = svg_line_chart(evil, {{evil, 1, evil}, {"b", 2, "2"}});
    auto bars = svg_stacked_bars(evil, {evil}, {{evil, {{1, evil}}, evil}});
    auto band = svg_band_bar(evil, {{evil, 1, "#fff"}});
    auto spark = svg_sparkline(evil, {1, 2});
    for (const auto& svg : {line, bars, band, spark}) {
        CHECK(!has(svg, "<script"));
        CHECK(!has(svg, "</svg><"));
        CHECK(has(svg, inert));
        // One element closes the chart, at its end.
        CHECK(svg.find("</svg>") == svg.size() - 7);
    }
    CHECK(has(line, "aria-label=\"" + inert + "\""));
}

TEST_CASE("a page is whole, escapes its title and allows no scripts") {
    auto page = html_page("<b>Report</b>", "<p>x</p>\n");
    CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(has(page, "<title>&lt;b&gt;Report&lt;/b&gt;</title>"));
    CHECK(has(page, "content=\"default-src 'none'; style-src 'unsafe-inline'\""));
    CHECK(has(page, "@media print"));
    CHECK(has(page, "<body>\n<p>x</p>\n</body>\n</html>\n"));
    CHECK(!has(page, "<script"));
    CHECK(!has(page, "http://"));
    CHECK(!has(page, "https://"));
}

TEST_CASE("a long series labels every other month, counting back from the latest") {
    std::vector<ChartPoint> points;
    for (int m = 1; m <= 12; ++m)
        points.push_back({fmt::format("2026-{:02}", m), static_cast<double>(m), "v"});
    auto svg = svg_line_chart("t", points);
    // Step (12 + 5) / 6 = 2: months 12, 10, 8, 6, 4, 2 are written, 1 is not.
    CHECK(has(svg, ">2026-12</text>"));
    CHECK(has(svg, ">2026-02</text>"));
    CHECK(!has(svg, ">2026-01</text>"));
    CHECK(!has(svg, ">2026-11</text>"));
    CHECK(has(svg, "<title>2026-01: v</title>"));  // every point keeps its tooltip
}

namespace {

// Each label under the axis as (x, text), read back from the markup.
std::vector<std::pair<double, std::string>> axis_labels(const std::string& svg) {
    std::vector<std::pair<double, std::string>> out;
    for (std::size_t at = svg.find("<text x=\""); at != std::string::npos;
         at = svg.find("<text x=\"", at + 1)) {
        auto end = svg.find("</text>", at);
        if (svg.find("y=\"236\"", at) > end) continue;  // not under the axis
        double x = std::stod(svg.substr(at + 9));
        auto open = svg.rfind('>', end);
        out.emplace_back(x, svg.substr(open + 1, end - open - 1));
    }
    return out;
}

}  // namespace

TEST_CASE("the labels under the axis stay inside the chart, the latest too") {
    // A label is estimated at 7 units a character (DejaVu Sans digits at 11 px);
    // centred on x it needs x - w / 2 >= 0 and x + w / 2 <= 640, the viewBox width.
    std::vector<ChartPoint> months;
    for (int m = 1; m <= 12; ++m)
        months.push_back({fmt::format("2026-{:02}", m), static_cast<double>(m), "v"});
    // A long label on the last point: 20 characters, 140 wide, would reach
    // 600 + 70 = 670 on the last point; it is moved in to 640 - 70 = 570.
    auto long_last = months;
    long_last.back().x_label = "December 2026 (est.)";
    for (const auto& points : {months, long_last}) {
        auto svg = svg_line_chart("t", points);
        CHECK(has(svg, "viewBox=\"0 0 640 260\""));
        auto labels = axis_labels(svg);
        REQUIRE(!labels.empty());
        CHECK(labels.back().second == points.back().x_label);
        for (const auto& entry : labels) {
            // Named copies: clang does not let doctest's lambdas capture a
            // structured binding.
            const double x = entry.first;
            const std::string label = entry.second;
            double w = 7.0 * static_cast<double>(label.size());
            CHECK_MESSAGE(x + w / 2 <= 640, label);
            CHECK_MESSAGE(x - w / 2 >= 0, label);
        }
    }
    CHECK(has(svg_line_chart("t", long_last), "<text x=\"570\" y=\"236\""));
    CHECK(has(svg_line_chart("t", months), "<text x=\"600\" y=\"236\""));
}
