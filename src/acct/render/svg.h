#pragma once
// Small inline SVG charts for HTML pages (report, brief, digest). Pure: data
// in, markup out. Every text from the data is escaped, so a name such as
// "</svg><script>" stays text. Values are only positions here: the caller
// formats every number a person reads (exact money, counts) into a label.
#include <string>
#include <string_view>
#include <vector>

namespace acctool {

// One value of a chart, with what a person reads for it.
struct ChartPoint {
    std::string x_label;      // "2026-03": under the axis
    double value = 0;         // where it is drawn
    std::string value_label;  // "12 000.00 EUR": in its tooltip, and on the axis
};

// A line over the points, left to right, on an axis from min(0, lowest) to
// max(0, highest), labelled with those values. Each point carries a <title>.
std::string svg_line_chart(std::string_view title, const std::vector<ChartPoint>& points);

// One horizontal bar per row, split into parts, each row scaled to its own
// total (rows may be in different currencies).
struct BarPart {
    double value = 0;
    std::string tip;  // the part's <title>: "EUR 1–30 days: 500.00"
};
struct StackedBar {
    std::string label;           // left of the bar: "EUR"
    std::vector<BarPart> parts;  // one per legend entry, in order
    std::string total_label;     // right of the bar: "1 500.00"
};
std::string svg_stacked_bars(std::string_view title, const std::vector<std::string>& legend,
                             const std::vector<StackedBar>& bars);

// One horizontal bar split by counts (clients per health band).
struct Band {
    std::string name;  // "green"
    long count = 0;
    std::string colour;  // "#2e7d32"; anything but a plain colour becomes grey
};
std::string svg_band_bar(std::string_view title, const std::vector<Band>& bands);

// A score of 0..100 as a bar in a 100-unit track (a score of 0 is a thin
// mark at the start, so the bar is never absent); the title is its tooltip.
std::string svg_score_bar(std::string_view title, int score, std::string_view colour);

// A small line for a table cell: no axes, the last point marked.
std::string svg_sparkline(std::string_view title, const std::vector<double>& values);

}  // namespace acctool
