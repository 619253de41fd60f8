#pragma once
// The rows every format of `acct report` is made of, by section, for the
// renderers beyond render/report.cpp (the HTML page).
#include <string>
#include <string_view>
#include <vector>

#include "acct/report/portfolio.h"

namespace acctool {

// One fact of the report: a row of the CSV, a line of the Markdown.
struct ReportFact {
    std::string section, key, currency, value, detail;
};

struct ReportSection {
    std::string_view key, title;
};

std::vector<ReportFact> report_facts(const Report& r);
std::vector<ReportSection> report_sections(const Report& r);
std::string report_heading(const Report& r);  // "Portfolio report for 2026-11 (…), as of …"

}  // namespace acctool
