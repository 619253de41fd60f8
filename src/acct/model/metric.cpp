#include "acct/model/metric.h"

#include <cstdint>
#include <map>

#include <fmt/format.h>

namespace acctool {

std::vector<MetricSeries> metric_series(const std::vector<Metric>& metrics) {
    struct Building {
        std::string unit;
        std::map<Date, SeriesPoint> by_date;
    };
    std::map<std::string, Building> series;
    for (const Metric& m : metrics) {  // file order: a later value replaces
        Building& b = series[m.name];
        b.by_date[m.date] = SeriesPoint{m.date, m.value, m.at};
        if (!m.unit.empty()) b.unit = m.unit;
    }
    std::vector<MetricSeries> out;
    for (auto& [name, b] : series) {
        MetricSeries s{name, b.unit, {}};
        for (auto& [date, point] : b.by_date)
            s.points.push_back(point);
        out.push_back(std::move(s));
    }
    return out;
}

std::string format_decimal(Decimal d) {
    auto magnitude =
        d.units < 0 ? 0 - static_cast<std::uint64_t>(d.units) : static_cast<std::uint64_t>(d.units);
    // Zero-padded so that one digit stands before the point: 5 at scale 2 is 0.05.
    std::string digits = fmt::format("{:0{}}", magnitude, d.scale + 1);
    std::string sign = d.units < 0 ? "-" : "";
    if (d.scale <= 0) return sign + digits;
    std::size_t point = digits.size() - static_cast<std::size_t>(d.scale);
    return sign + digits.substr(0, point) + "." + digits.substr(point);
}

}  // namespace acctool
