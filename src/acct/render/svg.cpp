#include "acct/render/svg.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/render/markup.h"

namespace acctool {

namespace {

// Aging runs from current (green) to long overdue (red): the palette follows.
constexpr const char* palette[] = {"#4c9a2a", "#a4c639", "#e0b32f",
                                   "#e07b39", "#b3261e", "#6b4c9a"};
constexpr const char* line_colour = "#1f6feb";
constexpr const char* axis_colour = "#888888";
constexpr const char* font = "font-family=\"sans-serif\" font-size=\"11\" fill=\"#333333\"";

// A coordinate with one decimal at most: "12", "12.5", never "-0".
std::string num(double v) {
    double r = std::round(v * 10) / 10;
    if (r == 0) r = 0;
    std::string s = fmt::format("{:.1f}", r);
    if (s.ends_with(".0")) s.resize(s.size() - 2);
    return s;
}

std::string open_svg(std::string_view title, int width, int height, std::string_view cls) {
    std::string t = html_escape(title);
    return fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{}\" width=\"{}\" height=\"{}\" "
        "viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n<title>{}</title>\n",
        cls, width, height, width, height, t, t);
}

std::string text(double x, double y, std::string_view anchor, std::string_view s) {
    return fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" {}>{}</text>\n", num(x), num(y),
                       anchor, font, html_escape(s));
}

std::string line(double x1, double y1, double x2, double y2) {
    return fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>\n", num(x1),
                       num(y1), num(x2), num(y2), axis_colour);
}

std::string rect(double x, double y, double w, double h, std::string_view fill,
                 std::string_view tip) {
    return fmt::format(
        "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" "
        "fill=\"{}\"><title>{}</title></rect>\n",
        num(x), num(y), num(w), num(h), fill, html_escape(tip));
}

std::string empty_rect(double x, double y, double w, double h) {
    return fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"{}\"/>\n",
        num(x), num(y), num(w), num(h), axis_colour);
}

// A colour from the caller, or grey: an attribute is no place for markup.
std::string_view plain_colour(std::string_view c) {
    bool ok = !c.empty() && c.size() <= 20 && std::all_of(c.begin(), c.end(), [](char ch) {
        return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
               ch == '#';
    });
    return ok ? c : std::string_view("#999999");
}

// Characters, not bytes: UTF-8 continuation bytes do not count.
double chars(std::string_view s) {
    return static_cast<double>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// A label's width at font-size 11, on the safe side: DejaVu Sans digits are
// 0.64 em (7 px), most letters narrower.
double text_width(std::string_view s) {
    return 7 * chars(s);
}

// Where a centred label goes so that it stays inside [0, width]: at x, or
// moved in by what would stick out.
double centred_label_x(double x, std::string_view s, double width) {
    double half = text_width(s) / 2;
    return std::clamp(x, std::min(half, width / 2), std::max(width - half, width / 2));
}

// One legend entry at x on baseline y: a swatch and its name. Returns where
// the next entry starts, its width estimated as the labels' is.
double legend_entry(std::string& out, double x, double y, std::string_view colour,
                    std::string_view name) {
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\"/>\n", num(x),
                       num(y - 9), colour);
    out += text(x + 14, y, "start", name);
    return x + 14 + text_width(name) + 14;
}

// Legend entries left to right, in the palette's colours.
std::string legend_row(const std::vector<std::string>& names, double x, double y) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        x = legend_entry(out, x, y, palette[i % std::size(palette)], names[i]);
    return out;
}

}  // namespace

std::string svg_line_chart(std::string_view title, const std::vector<ChartPoint>& points) {
    constexpr int width = 640, height = 260;
    // Room on the right for half of the latest month's label.
    constexpr double left = 120, right = 600, top = 20, bottom = 220;
    std::string out = open_svg(title, width, height, "chart line-chart");
    out += line(left, top, left, bottom) + line(left, bottom, right, bottom);
    if (points.empty())
        return out + text((left + right) / 2, (top + bottom) / 2, "middle", tr("No data")) +
               "</svg>\n";

    auto [lo_it, hi_it] = std::minmax_element(
        points.begin(), points.end(),
        [](const ChartPoint& a, const ChartPoint& b) { return a.value < b.value; });
    double lo = std::min(0.0, lo_it->value), hi = std::max(0.0, hi_it->value);
    auto y_of = [&](double v) {
        return hi == lo ? bottom : bottom - (v - lo) * (bottom - top) / (hi - lo);
    };
    auto x_of = [&](std::size_t i) {
        return points.size() == 1 ? (left + right) / 2
                                  : left + static_cast<double>(i) * (right - left) /
                                               static_cast<double>(points.size() - 1);
    };
    out += text(left - 6, y_of(hi) + 4, "end", hi == 0 ? std::string("0") : hi_it->value_label);
    if (lo != hi)
        out += text(left - 6, y_of(lo) + 4, "end", lo == 0 ? std::string("0") : lo_it->value_label);

    std::string coords;
    for (std::size_t i = 0; i < points.size(); ++i)
        coords += fmt::format("{}{},{}", i ? " " : "", num(x_of(i)), num(y_of(points[i].value)));
    out += fmt::format(
        "<polyline class=\"series\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\" "
        "points=\"{}\"/>\n",
        line_colour, coords);
    std::size_t step = (points.size() + 5) / 6;  // at most 6 labels under the axis
    for (std::size_t i = 0; i < points.size(); ++i) {
        out += fmt::format(
            "<circle cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"{}\"><title>{}: {}</title></circle>\n",
            num(x_of(i)), num(y_of(points[i].value)), line_colour, html_escape(points[i].x_label),
            html_escape(points[i].value_label));
        if ((points.size() - 1 - i) % step == 0)  // the latest always labelled
            out += text(centred_label_x(x_of(i), points[i].x_label, width), bottom + 16, "middle",
                        points[i].x_label);
    }
    return out + "</svg>\n";
}

std::string svg_stacked_bars(std::string_view title, const std::vector<std::string>& legend,
                             const std::vector<StackedBar>& bars) {
    constexpr int width = 640, row = 34;
    constexpr double left = 70, right = 500, top = 30, bar_height = 22;
    int height =
        static_cast<int>(top) + row * static_cast<int>(std::max<std::size_t>(bars.size(), 1)) + 10;
    std::string out = open_svg(title, width, height, "chart stacked-bars");
    out += legend_row(legend, left, 16);
    if (bars.empty())
        return out + text((left + right) / 2, top + 16, "middle", tr("No data")) + "</svg>\n";
    for (std::size_t r = 0; r < bars.size(); ++r) {
        const auto& bar = bars[r];
        double y = top + static_cast<double>(r) * row;
        out += text(left - 6, y + 15, "end", bar.label);
        double total = 0;
        for (const auto& p : bar.parts)
            total += std::max(0.0, p.value);
        if (total <= 0) {
            out += empty_rect(left, y, right - left, bar_height);
        } else {
            double x = left;
            for (std::size_t i = 0; i < bar.parts.size(); ++i) {
                if (bar.parts[i].value <= 0) continue;
                double w = (right - left) * bar.parts[i].value / total;
                out += rect(x, y, w, bar_height, palette[i % std::size(palette)], bar.parts[i].tip);
                x += w;
            }
        }
        out += text(right + 6, y + 15, "start", bar.total_label);
    }
    return out + "</svg>\n";
}

std::string svg_band_bar(std::string_view title, const std::vector<Band>& bands) {
    constexpr int width = 640, height = 70;
    constexpr double left = 10, right = 630, top = 10, bar_height = 24;
    std::string out = open_svg(title, width, height, "chart band-bar");
    long total = 0;
    for (const auto& b : bands)
        total += std::max(0L, b.count);
    if (total == 0) {
        out += empty_rect(left, top, right - left, bar_height);
        return out + text((left + right) / 2, top + 16, "middle", tr("No data")) + "</svg>\n";
    }
    double x = left;
    std::string labels;
    double label_x = left;
    for (const auto& b : bands) {
        auto tip = fmt::format("{}: {}", b.name, b.count);
        if (b.count > 0) {
            double w = (right - left) * static_cast<double>(b.count) / static_cast<double>(total);
            out += rect(x, top, w, bar_height, plain_colour(b.colour), tip);
            x += w;
        }
        label_x = legend_entry(labels, label_x, top + bar_height + 26, plain_colour(b.colour), tip);
    }
    return out + labels + "</svg>\n";
}

std::string svg_score_bar(std::string_view title, int score, std::string_view colour) {
    constexpr int width = 102, height = 14;
    double w = std::max(1.0, static_cast<double>(std::clamp(score, 0, 100)));
    std::string out = open_svg(title, width, height, "score-bar");
    out += empty_rect(1, 1, 100, 12);
    out += rect(1, 1, w, 12, plain_colour(colour), title);
    return out + "</svg>\n";
}

std::string svg_sparkline(std::string_view title, const std::vector<double>& values) {
    constexpr int width = 120, height = 24;
    constexpr double left = 3, right = 117, top = 3, bottom = 21;
    std::string out = open_svg(title, width, height, "sparkline");
    if (values.empty()) return out + "</svg>\n";
    auto [lo_it, hi_it] = std::minmax_element(values.begin(), values.end());
    double lo = *lo_it, hi = *hi_it;
    auto y_of = [&](double v) {
        return hi == lo ? (top + bottom) / 2 : bottom - (v - lo) * (bottom - top) / (hi - lo);
    };
    auto x_of = [&](std::size_t i) {
        return values.size() == 1 ? (left + right) / 2
                                  : left + static_cast<double>(i) * (right - left) /
                                               static_cast<double>(values.size() - 1);
    };
    std::string coords;
    for (std::size_t i = 0; i < values.size(); ++i)
        coords += fmt::format("{}{},{}", i ? " " : "", num(x_of(i)), num(y_of(values[i])));
    if (values.size() > 1)
        out += fmt::format(
            "<polyline class=\"series\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\" "
            "points=\"{}\"/>\n",
            line_colour, coords);
    std::size_t last = values.size() - 1;
    out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"2\" fill=\"{}\"/>\n", num(x_of(last)),
                       num(y_of(values[last])), line_colour);
    return out + "</svg>\n";
}

}  // namespace acctool
