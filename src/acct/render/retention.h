#pragma once
// The retention block of `acct report` (SPEC 7): the JSON object of the
// contract, and the rows the text, Markdown and CSV tables are made of.
#include <optional>
#include <string>
#include <vector>

#include "acct/render/json.h"
#include "acct/report/retention.h"

namespace acctool {

// Written where a figure has no value (no clients at start, no renewals due).
inline constexpr std::string_view no_figure = "n/a";

struct RetentionRow {
    std::string key, currency, value, detail;
};

// Exactly the shape of SPEC 7; null when the period starts after T.
Json retention_json(const std::optional<Retention>& r);
// Figures and dates as people write them in the current language; in an
// English scope, as CSV keeps them.
std::vector<RetentionRow> retention_rows(const Retention& r);

}  // namespace acctool
