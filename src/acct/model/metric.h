#pragma once
// Metric series (SPEC 2.10): one name is one series; of two values on one
// date the later in file order counts; the latest unit is shown.
#include <string>
#include <vector>

#include "acct/model/records.h"

namespace acctool {

struct SeriesPoint {
    Date date;
    Decimal value;
    SourceLocation at;
};

struct MetricSeries {
    std::string name;
    std::string unit;                 // of the latest value that has one
    std::vector<SeriesPoint> points;  // by date, one per date
};

// The client's series, by name (byte order).
std::vector<MetricSeries> metric_series(const std::vector<Metric>& metrics);

// As written, without a `+`: "-3.5", "1200", "0.25".
std::string format_decimal(Decimal d);

}  // namespace acctool
