#pragma once
// `acct report --format html`: the sections of the Markdown report as
// tables on one self-contained page, with inline SVG charts of recurring
// value over the last months and of receivables aging.
#include <string>
#include <vector>

#include "acct/report/portfolio.h"
#include "acct/report/recurring_history.h"

namespace acctool {

std::string render_report_html(const Report& r, const std::vector<CurrencyHistory>& recurring);

}  // namespace acctool
