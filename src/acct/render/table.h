#pragma once
// A typed table (report/tables.h) as CSV or as JSON.
#include <string>

#include "acct/render/csv.h"
#include "acct/report/tables.h"

namespace acctool {

std::string table_csv(const Table& t, const CsvOptions& options);
// {"<name>": [{column: value, ...}, ...]}
std::string table_json(const Table& t);

}  // namespace acctool
