#pragma once
// `acct report` as text, Markdown, JSON or CSV (one long table: section,
// key, currency, value, detail).
#include <string>

#include "acct/render/csv.h"
#include "acct/report/portfolio.h"

namespace acctool {

std::string render_report_text(const Report& r);
std::string render_report_markdown(const Report& r);
std::string render_report_json(const Report& r);
std::string render_report_csv(const Report& r, const CsvOptions& options);

}  // namespace acctool
