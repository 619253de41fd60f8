#pragma once
// `acct report --format html`: the sections of the Markdown report as
// tables on one self-contained page, with inline SVG charts of recurring
// value over the last months, of receivables aging and of health bands.
#include <string>
#include <vector>

#include "acct/health/score.h"
#include "acct/report/portfolio.h"
#include "acct/report/recurring_history.h"

namespace acctool {

// `health`: every client with a score as of the report's as-of date.
std::string render_report_html(const Report& r, const std::vector<CurrencyHistory>& recurring,
                               const std::vector<ClientHealth>& health);

}  // namespace acctool
